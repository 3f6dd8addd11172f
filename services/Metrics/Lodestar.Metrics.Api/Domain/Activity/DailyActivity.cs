namespace Lodestar.Metrics.Domain.Activity;

/// <summary>Active users on one UTC day (a day number).</summary>
public sealed record DailyActivity(int Day, long Daily, long Weekly, long Monthly)
{
    /// <summary>DAU ÷ MAU; 0 when nobody was active in the month.</summary>
    public double Stickiness => Monthly == 0 ? 0 : (double)Daily / Monthly;
}
