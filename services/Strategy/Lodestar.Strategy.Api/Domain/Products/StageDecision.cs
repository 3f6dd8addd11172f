namespace Lodestar.Strategy.Domain.Products;

/// <summary>What a stage review decided; values match lodestar.strategy.v1.StageDecision.</summary>
public enum StageDecision
{
    Keep = 1,
    Withdraw = 2,
    Relaunch = 3,
    Move = 4,
}
