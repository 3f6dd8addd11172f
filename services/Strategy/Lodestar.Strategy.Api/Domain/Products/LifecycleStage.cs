namespace Lodestar.Strategy.Domain.Products;

/// <summary>Product lifecycle stages; values match lodestar.strategy.v1.LifecycleStage.</summary>
public enum LifecycleStage
{
    Introduction = 1,
    Growth = 2,
    Maturity = 3,
    Decline = 4,
}
