using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Errors;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>Prioritization inputs and results between the API and the domain.</summary>
public static class ScoringMapping
{
    public const int MaxKanoPerCall = 1_000;

    public static RiceInputs? Read(Violations violations, string field, V1.RiceInputs? input)
    {
        if (input is null) return null;
        var rice = new RiceInputs(input.Reach, input.Impact, input.Confidence, input.Effort);
        RiceInputs.Validate(violations, field, rice);
        return rice;
    }

    public static IceInputs? Read(Violations violations, string field, V1.IceInputs? input)
    {
        if (input is null) return null;
        var ice = new IceInputs(input.Impact, input.Confidence, input.Ease);
        IceInputs.Validate(violations, field, ice);
        return ice;
    }

    public static WsjfInputs? Read(Violations violations, string field, V1.WsjfInputs? input)
    {
        if (input is null) return null;
        var wsjf = new WsjfInputs(input.UserBusinessValue, input.TimeCriticality, input.RiskReduction, input.JobSize);
        WsjfInputs.Validate(violations, field, wsjf);
        return wsjf;
    }

    public static ValueEffortInputs? Read(Violations violations, string field, V1.ValueEffortInputs? input)
    {
        if (input is null) return null;
        var valueEffort = new ValueEffortInputs(input.Value, input.Effort);
        ValueEffortInputs.Validate(violations, field, valueEffort);
        return valueEffort;
    }

    public static MoscowInputs? Read(Violations violations, string field, V1.MoscowInputs? input)
    {
        if (input is null) return null;
        var moscow = new MoscowInputs((MoscowPriority)input.Priority, input.Release.Trim());
        MoscowInputs.Validate(violations, field, moscow);
        return moscow;
    }

    /// <summary>Adds answer pairs to <paramref name="answers"/>; an unknown answer is a violation naming the pair.</summary>
    public static void AddKano(Violations violations, string field, IReadOnlyList<V1.KanoResponse> responses, KanoAnswers answers)
    {
        if (answers.Total + responses.Count > KanoAnswers.MaxResponses)
            violations.Add(field, $"At most {KanoAnswers.MaxResponses:N0} answers per item; it would have {answers.Total + responses.Count:N0}.");
        for (var i = 0; i < responses.Count; i++)
        {
            var (functional, dysfunctional) = ((KanoAnswer)responses[i].Functional, (KanoAnswer)responses[i].Dysfunctional);
            var known = true;
            if (!Enum.IsDefined(functional)) known = Unknown(violations, $"{field}[{i}].functional", responses[i].Functional);
            if (!Enum.IsDefined(dysfunctional)) known = Unknown(violations, $"{field}[{i}].dysfunctional", responses[i].Dysfunctional);
            if (known) answers.Add(functional, dysfunctional);
        }
    }

    private static bool Unknown(Violations violations, string field, V1.KanoAnswer answer)
    {
        violations.Add(field, $"Unknown Kano answer {(int)answer}: use like, expect, neutral, tolerate or dislike.");
        return false;
    }

    public static Dictionary<string, double> ReadWeighted(Violations violations, string field, IDictionary<string, double> scores, IReadOnlyList<Criterion> criteria)
    {
        foreach (var (key, score) in scores)
        {
            if (!criteria.Any(c => c.Key == key))
                violations.Add($"{field}[{key}]", $"Not a criterion of the product's weighted model ({string.Join(", ", criteria.Select(c => c.Key))}).");
            else if (!RiceInputs.InRange(score, 0, WeightedModel.MaxScore))
                violations.Add($"{field}[{key}]", $"From 0 to {WeightedModel.MaxScore}; got {score}.");
        }
        return new Dictionary<string, double>(scores);
    }

    public static List<InputRange> ReadRanges(IEnumerable<V1.InputRange> ranges) =>
        [.. ranges.Select(r => new InputRange(r.Input.Trim(), r.Low, r.High))];

    public static void Write(PriorityInputs inputs, V1.BacklogItem item)
    {
        if (inputs.Rice is { } rice) item.Rice = new V1.RiceInputs { Reach = rice.Reach, Impact = rice.Impact, Confidence = rice.Confidence, Effort = rice.Effort };
        if (inputs.Ice is { } ice) item.Ice = new V1.IceInputs { Impact = ice.Impact, Confidence = ice.Confidence, Ease = ice.Ease };
        if (inputs.Wsjf is { } wsjf)
        {
            item.Wsjf = new V1.WsjfInputs
            {
                UserBusinessValue = wsjf.UserBusinessValue, TimeCriticality = wsjf.TimeCriticality, RiskReduction = wsjf.RiskReduction, JobSize = wsjf.JobSize,
            };
        }
        if (inputs.ValueEffort is { } ve) item.ValueEffort = new V1.ValueEffortInputs { Value = ve.Value, Effort = ve.Effort };
        if (inputs.Moscow is { } moscow) item.Moscow = new V1.MoscowInputs { Priority = (V1.MoscowPriority)moscow.Priority, Release = moscow.Release };
        item.Weighted.Add(inputs.Weighted);
        item.InputRanges.Add(inputs.Ranges.Select(r => new V1.InputRange { Input = r.Input, Low = r.Low, High = r.High }));
    }

    public static V1.PriorityScores ToProto(ScoreCard card)
    {
        var scores = new V1.PriorityScores
        {
            Quadrant = (V1.ValueEffortQuadrant)(card.Quadrant ?? 0),
            Moscow = (V1.MoscowPriority)(card.Moscow?.Priority ?? 0),
            RankingFramework = (V1.Framework)card.RankingFramework,
        };
        if (card.Rice is { } rice) scores.Rice = rice;
        if (card.Ice is { } ice) scores.Ice = ice;
        if (card.Wsjf is { } wsjf) scores.Wsjf = wsjf;
        if (card.CostOfDelay is { } cod) scores.CostOfDelay = cod;
        if (card.ValueEffortRatio is { } ratio) scores.ValueEffortRatio = ratio;
        if (card.Weighted is { } weighted) scores.Weighted = weighted;
        if (card.RankingScore is { } ranking) scores.RankingScore = ranking;
        if (card.Kano is { } kano) scores.Kano = ToProto(kano);
        return scores;
    }

    private static V1.KanoResult ToProto(KanoResult kano)
    {
        var result = new V1.KanoResult
        {
            Category = (V1.KanoCategory)(kano.Category ?? 0),
            ResponseCount = kano.ResponseCount,
            Attractive = kano.Count(KanoCategory.Attractive),
            OneDimensional = kano.Count(KanoCategory.OneDimensional),
            MustBe = kano.Count(KanoCategory.MustBe),
            Indifferent = kano.Count(KanoCategory.Indifferent),
            Reverse = kano.Count(KanoCategory.Reverse),
            Questionable = kano.Count(KanoCategory.Questionable),
        };
        if (kano.Better is { } better) result.Better = better;
        if (kano.Worse is { } worse) result.Worse = worse;
        return result;
    }
}
