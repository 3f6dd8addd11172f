namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>Scores an item under every framework from its inputs, the product's settings and the linked evidence.</summary>
public static class ItemScorer
{
    /// <summary>Reads typed values as they are.</summary>
    public static InputReader Typed { get; } = (_, typed) => typed;

    public static ScoreCard Score(PriorityInputs inputs, ScoringContext context, EvidenceBasis evidence)
    {
        var rice = EffectiveRice(inputs, context, evidence);
        return new ScoreCard(
            rice?.Score(Typed),
            inputs.Ice?.Score(Typed),
            inputs.Wsjf?.Score(Typed),
            inputs.Wsjf?.CostOfDelay(Typed),
            inputs.ValueEffort?.Quadrant,
            inputs.ValueEffort?.Ratio,
            inputs.Moscow,
            inputs.Kano is { Total: > 0 } kano ? kano.Evaluate() : null,
            WeightedModel.Score(context.Criteria, inputs.Weighted, Typed),
            context.RankingFramework,
            RankingKey(context.RankingFramework, inputs, context, evidence, Typed));
    }

    /// <summary>The sort key under <paramref name="framework"/> (higher ranks first); null when unscored.</summary>
    public static double? RankingKey(Framework framework, PriorityInputs inputs, ScoringContext context, EvidenceBasis evidence, InputReader read) =>
        framework switch
        {
            Framework.Rice => EffectiveRice(inputs, context, evidence)?.Score(read),
            Framework.Ice => inputs.Ice?.Score(read),
            Framework.Wsjf => inputs.Wsjf?.Score(read),
            Framework.ValueEffort => inputs.ValueEffort?.RankingKey(read),
            Framework.Moscow => inputs.Moscow?.RankingKey,
            Framework.Kano => inputs.Kano is { Total: > 0 } kano ? kano.Evaluate().RankingKey : null,
            Framework.Weighted => WeightedModel.Score(context.Criteria, inputs.Weighted, read),
            _ => null,
        };

    /// <summary>
    /// The RICE inputs scored: typed, or with reach and confidence from the evidence when the product opts in and the
    /// item's problems have evidence. Impact and effort are always typed.
    /// </summary>
    public static RiceInputs? EffectiveRice(PriorityInputs inputs, ScoringContext context, EvidenceBasis evidence) =>
        inputs.Rice is not { } rice ? null
        : UsesEvidence(context, evidence) ? rice with
        {
            Reach = evidence.Reach(context.UsersPerCustomer),
            Confidence = evidence.Confidence(context.EvidenceHalfScore),
        }
        : rice;

    public static bool UsesEvidence(ScoringContext context, EvidenceBasis evidence) => context.EvidenceBasedRice && evidence.Any;
}
