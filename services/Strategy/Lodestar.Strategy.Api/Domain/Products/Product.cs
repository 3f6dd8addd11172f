using Lodestar.Errors;
using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Products;

/// <summary>A product of the workspace, and the rules of its lifecycle.</summary>
public sealed class Product : WorkspaceEntity
{
    public const int MaxDisplayName = 120;
    public const int MaxDescription = 4_000;
    public const int MaxRationale = 4_000;
    public const int MaxEvidenceLinks = 50;
    public const int MaxEvidenceLink = 2_000;

    public string DisplayName { get; set; } = "";

    public string Description { get; set; } = "";

    public LifecycleStage Stage { get; set; } = LifecycleStage.Introduction;

    public bool Archived { get; set; }

    /// <summary>The active-user metric the stage suggestion reads (null: the configured default).</summary>
    public string? StageMetricKey { get; set; }

    /// <summary>The revision of the product's own metrics last taken from MetricCatalogChanged; an older one never wins.</summary>
    public long MetricCatalogRevision { get; set; }

    /// <summary>Refuses any change to an archived product; only a relaunch review brings it back.</summary>
    public void EnsureChangeable()
    {
        if (Archived) throw new FailedPreconditionException($"Product '{DisplayName}' is archived: relaunch it with a stage review first.");
    }

    /// <summary>Archives the product; false when it already was.</summary>
    public bool Archive()
    {
        if (Archived) return false;
        Archived = true;
        return true;
    }

    /// <summary>Reads the stage suggestion from <paramref name="metricKey"/> (one of <paramref name="allowed"/>), or the default when empty.</summary>
    public bool TryUseStageMetric(string metricKey, IEnumerable<string> allowed)
    {
        if (metricKey.Length == 0) StageMetricKey = null;
        else if (allowed.Contains(metricKey, StringComparer.Ordinal)) StageMetricKey = metricKey;
        else return false;
        return true;
    }

    /// <summary>Applies a lifecycle decision and returns its record. The caller validated the review's fields.</summary>
    public StageReview Review(StageDecision decision, LifecycleStage? target, string rationale, IReadOnlyList<string> evidenceLinks)
    {
        var previous = Stage;
        switch (decision)
        {
            case StageDecision.Keep:
                EnsureChangeable();
                break;
            case StageDecision.Withdraw:
                EnsureChangeable();
                Archived = true;
                break;
            case StageDecision.Relaunch:
                Archived = false;
                Stage = LifecycleStage.Introduction;
                break;
            case StageDecision.Move:
                EnsureChangeable();
                if (target is not { } stage)
                    throw new ValidationException("stage_review.target_stage", "A move needs the stage to move to.");
                if (stage == Stage)
                    throw new ValidationException("stage_review.target_stage", $"The product is already in the {stage.ToString().ToLowerInvariant()} stage.");
                Stage = stage;
                break;
            default:
                throw new ValidationException("stage_review.decision", "Choose keep, withdraw, relaunch or move.");
        }
        return new StageReview
        {
            ProductId = Id,
            Decision = decision,
            TargetStage = decision == StageDecision.Move ? target : null,
            Rationale = rationale,
            EvidenceLinks = [.. evidenceLinks],
            PreviousStage = previous,
            ResultingStage = Stage,
        };
    }
}
