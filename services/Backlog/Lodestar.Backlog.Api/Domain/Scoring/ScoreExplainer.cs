using System.Globalization;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>Explains an item's score under one framework, in the numbers the framework used.</summary>
public static class ScoreExplainer
{
    private const string Typed = "typed";

    public static Explanation Explain(Framework framework, PriorityInputs inputs, ScoringContext context, EvidenceBasis evidence) => framework switch
    {
        Framework.Rice => Rice(inputs, context, evidence),
        Framework.Ice => inputs.Ice is { } ice
            ? Scored(framework, IceInputs.Formula, [new("impact", ice.Impact, Typed), new("confidence", ice.Confidence, Typed), new("ease", ice.Ease, Typed)],
                $"{N(ice.Impact)} × {N(ice.Confidence)} × {N(ice.Ease)}", ice.Score(ItemScorer.Typed))
            : Unscored(framework, IceInputs.Formula, "No ICE inputs."),
        Framework.Wsjf => inputs.Wsjf is { } wsjf
            ? Scored(framework, WsjfInputs.Formula,
                [
                    new("user_business_value", wsjf.UserBusinessValue, Typed), new("time_criticality", wsjf.TimeCriticality, Typed),
                    new("risk_reduction", wsjf.RiskReduction, Typed), new("job_size", wsjf.JobSize, Typed),
                ],
                $"({N(wsjf.UserBusinessValue)} + {N(wsjf.TimeCriticality)} + {N(wsjf.RiskReduction)}) ÷ {N(wsjf.JobSize)}", wsjf.Score(ItemScorer.Typed))
            : Unscored(framework, WsjfInputs.Formula, "No WSJF inputs."),
        Framework.ValueEffort => inputs.ValueEffort is { } ve
            ? Scored(framework, ValueEffortInputs.Formula, [new("value", ve.Value, Typed), new("effort", ve.Effort, Typed)],
                $"{N(ve.Value)} ÷ {N(ve.Effort)}", ve.Ratio, ve.Quadrant.ToString())
            : Unscored(framework, ValueEffortInputs.Formula, "No value-versus-effort inputs."),
        Framework.Moscow => inputs.Moscow is { } moscow
            ? new Explanation(framework, MoscowInputs.Formula, [], "", null,
                moscow.Release.Length > 0 ? $"{moscow.Priority} ({moscow.Release})" : moscow.Priority.ToString(), "")
            : Unscored(framework, MoscowInputs.Formula, "No MoSCoW category."),
        Framework.Kano => Kano(inputs),
        Framework.Weighted => Weighted(inputs, context),
        _ => throw new ArgumentOutOfRangeException(nameof(framework), framework, "Unknown framework."),
    };

    private static Explanation Rice(PriorityInputs inputs, ScoringContext context, EvidenceBasis evidence)
    {
        if (ItemScorer.EffectiveRice(inputs, context, evidence) is not { } rice)
            return Unscored(Framework.Rice, RiceInputs.Formula, "No RICE inputs: set impact and effort (and reach and confidence unless evidence gives them).");
        var fromEvidence = ItemScorer.UsesEvidence(context, evidence);
        ExplainedInput reach = fromEvidence
            ? new("reach", rice.Reach, "evidence",
                $"{evidence.Customers} distinct customers across {evidence.Problems} problems × {N(context.UsersPerCustomer)} users per customer ({EvidenceBasis.ReachFormula})")
            : new("reach", rice.Reach, Typed);
        ExplainedInput confidence = fromEvidence
            ? new("confidence", rice.Confidence, "evidence",
                $"evidence score {N(evidence.WeightedScore)} from {evidence.Insights} insights, half score {N(context.EvidenceHalfScore)} ({EvidenceBasis.ConfidenceFormula})")
            : new("confidence", rice.Confidence, Typed);
        return Scored(Framework.Rice, RiceInputs.Formula, [reach, new("impact", rice.Impact, Typed), confidence, new("effort", rice.Effort, Typed)],
            $"{N(rice.Reach)} × {N(rice.Impact)} × {N(rice.Confidence)}% ÷ {N(rice.Effort)}", rice.Score(ItemScorer.Typed));
    }

    private static Explanation Kano(PriorityInputs inputs)
    {
        if (inputs.Kano is not { Total: > 0 } answers) return Unscored(Framework.Kano, KanoResult.Formula, "No Kano survey answers.");
        var result = answers.Evaluate();
        var counted = Enum.GetValues<KanoCategory>().Select(c => new ExplainedInput(c.ToString(), result.Count(c), "survey")).ToList();
        var (a, o, m, i) = (result.Count(KanoCategory.Attractive), result.Count(KanoCategory.OneDimensional),
            result.Count(KanoCategory.MustBe), result.Count(KanoCategory.Indifferent));
        var calculation = result.Better is null
            ? $"{result.ResponseCount} answers, none attractive, one-dimensional, must-be or indifferent"
            : $"CS+ = ({a} + {o}) ÷ {a + o + m + i} = {N(result.Better.Value)}; CS− = −({o} + {m}) ÷ {a + o + m + i} = {N(result.Worse!.Value)}";
        return new Explanation(Framework.Kano, KanoResult.Formula, counted, calculation, result.RankingKey, result.Category?.ToString() ?? "", "");
    }

    private static Explanation Weighted(PriorityInputs inputs, ScoringContext context)
    {
        if (context.Criteria.Count == 0) return Unscored(Framework.Weighted, WeightedModel.Formula, "The product has no weighted scoring criteria.");
        var score = WeightedModel.Score(context.Criteria, inputs.Weighted, ItemScorer.Typed);
        if (score is null) return Unscored(Framework.Weighted, WeightedModel.Formula, "No criterion is scored.");
        var used = context.Criteria.Select(c => new ExplainedInput(c.Key, inputs.Weighted.GetValueOrDefault(c.Key), Typed, $"weight {N(c.Weight)}")).ToList();
        var missing = context.Criteria.Where(c => !inputs.Weighted.ContainsKey(c.Key)).Select(c => c.Key).ToList();
        var calculation = $"({string.Join(" + ", context.Criteria.Select(c => $"{N(c.Weight)} × {N(inputs.Weighted.GetValueOrDefault(c.Key))}"))}) ÷ {N(context.Criteria.Sum(c => c.Weight))}";
        return new Explanation(Framework.Weighted, WeightedModel.Formula, used, calculation + " = " + N(score.Value), score, "",
            missing.Count > 0 ? $"Not scored, counted as 0: {string.Join(", ", missing)}." : "");
    }

    private static Explanation Scored(Framework framework, string formula, IReadOnlyList<ExplainedInput> inputs, string calculation, double result, string category = "") =>
        new(framework, formula, inputs, $"{calculation} = {N(result)}", result, category, "");

    private static Explanation Unscored(Framework framework, string formula, string missing) => new(framework, formula, [], "", null, "", missing);

    /// <summary>Numbers as people read them: thousands separated, at most three decimals.</summary>
    private static string N(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
