namespace Lodestar.Metrics.Domain.Activity;

/// <summary>Churn of the period <paramref name="Start"/>..<paramref name="End"/> against the period before it.</summary>
public sealed record ChurnPeriod(DateOnly Start, DateOnly End, long PreviousActive, long Retained, long Active)
{
    public long Churned => PreviousActive - Retained;

    /// <summary>Churned ÷ previously active; 0 when nobody was active before.</summary>
    public double Rate => PreviousActive == 0 ? 0 : (double)Churned / PreviousActive;
}
