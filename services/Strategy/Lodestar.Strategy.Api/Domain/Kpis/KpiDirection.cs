namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>Which way is better; values match lodestar.strategy.v1.KpiDirection.</summary>
public enum KpiDirection
{
    Up = 1,
    Down = 2,
}
