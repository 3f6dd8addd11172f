using Lodestar.Errors;
using Lodestar.Strategy.Domain.Products;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>A stage review request read into what <see cref="Product.Review"/> takes, every bad field named at once.</summary>
internal static class StageReviewInput
{
    public static (StageDecision Decision, LifecycleStage? Target, string Rationale, IReadOnlyList<string> EvidenceLinks) Read(V1.StageReview input)
    {
        var violations = new Violations()
            .DefinedEnum("stage_review.decision", input.Decision, allowZero: false)
            .DefinedEnum("stage_review.target_stage", input.TargetStage, allowZero: true)
            .RequiredText("stage_review.rationale", input.Rationale, Product.MaxRationale);
        violations.TextList("stage_review.evidence_links", input.EvidenceLinks, Product.MaxEvidenceLinks, Product.MaxEvidenceLink);
        if (input.Decision != V1.StageDecision.Move && input.TargetStage != V1.LifecycleStage.Unspecified)
            violations.Add("stage_review.target_stage", "Only a move takes a target stage.");
        violations.ThrowIfAny();
        return ((StageDecision)input.Decision,
            input.TargetStage == V1.LifecycleStage.Unspecified ? null : (LifecycleStage)input.TargetStage,
            input.Rationale.Trim(),
            [.. input.EvidenceLinks.Select(l => l.Trim())]);
    }
}
