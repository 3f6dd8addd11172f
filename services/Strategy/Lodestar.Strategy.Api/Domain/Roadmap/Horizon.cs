namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>Roadmap horizons; values match lodestar.strategy.v1.Horizon (0: none).</summary>
public enum Horizon
{
    None = 0,
    Now = 1,
    Next = 2,
    Later = 3,
}
