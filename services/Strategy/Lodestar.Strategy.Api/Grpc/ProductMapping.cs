using Lodestar.Api;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain.Products;
using Lodestar.Strategy.Infrastructure;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>Domain ⇄ API shapes of products and stage reviews.</summary>
internal static class ProductMapping
{
    public static V1.Product ToProto(this Product product) => new()
    {
        Name = ResourceNames.Format(StrategyNames.Products, product.Id),
        DisplayName = product.DisplayName,
        Description = product.Description,
        Stage = (V1.LifecycleStage)product.Stage,
        Archived = product.Archived,
        Metadata = product.ToMetadata(),
        StageMetricKey = product.StageMetricKey ?? "",
    };

    public static V1.StageReview ToProto(this StageReview review) => new()
    {
        Name = ResourceNames.Format(StrategyNames.Products, review.ProductId, StrategyNames.StageReviews, review.Id),
        Decision = (V1.StageDecision)review.Decision,
        TargetStage = review.TargetStage is { } target ? (V1.LifecycleStage)target : V1.LifecycleStage.Unspecified,
        Rationale = review.Rationale,
        EvidenceLinks = { review.EvidenceLinks },
        PreviousStage = (V1.LifecycleStage)review.PreviousStage,
        ResultingStage = (V1.LifecycleStage)review.ResultingStage,
        DecidedBy = review.Creator,
        DecideTime = review.CreateTime.ToUtcTimestamp(),
    };

    public static V1.Positioning ToProto(this Positioning positioning, Product product) => new()
    {
        Name = ResourceNames.Format(StrategyNames.Products, product.Id) + "/positioning",
        Vision = positioning.Vision,
        TargetPersona = positioning.TargetPersona,
        Need = positioning.Need,
        Category = positioning.Category,
        KeyBenefit = positioning.KeyBenefit,
        MainAlternative = positioning.MainAlternative,
        Differentiator = positioning.Differentiator,
        Statement = positioning.Statement(product.DisplayName),
        Metadata = positioning.Version == 0 ? new Lodestar.Common.V1.ResourceMetadata() : positioning.ToMetadata(),
    };

    public static V1.StageSuggestion ToProto(this StageSuggestion suggestion, string name, Product product, string metricKey) => new()
    {
        Name = name,
        SuggestedStage = suggestion.Stage is { } stage ? (V1.LifecycleStage)stage : V1.LifecycleStage.Unspecified,
        CurrentStage = (V1.LifecycleStage)product.Stage,
        Rule = suggestion.Rule,
        Explanation = suggestion.Explanation,
        History = { suggestion.History.Select(p => new V1.ActivityPoint { MeasureTime = p.MeasuredAt.ToUtcTimestamp(), ActiveUsers = p.ActiveUsers, Date = p.Date.ToProto() }) },
        MetricKey = metricKey,
        AverageGrowth = suggestion.AverageGrowth,
        FallingPeriods = suggestion.FallingPeriods,
    };
}
