namespace Lodestar.Metrics.Domain.Activity;

/// <summary>Retention of one cohort in period cohort+N.</summary>
public sealed record RetentionCell(int Period, long UsersOn, long UsersOnOrAfter, bool Complete)
{
    public double RateOn(long cohortUsers) => cohortUsers == 0 ? 0 : (double)UsersOn / cohortUsers;

    public double RateOnOrAfter(long cohortUsers) => cohortUsers == 0 ? 0 : (double)UsersOnOrAfter / cohortUsers;
}
