namespace Lodestar.Strategy.Domain.Stakeholders;

/// <summary>The part of the company a stakeholder speaks for; values match lodestar.strategy.v1.StakeholderFunction.</summary>
public enum StakeholderFunction
{
    Engineering = 1,
    Design = 2,
    Marketing = 3,
    Sales = 4,
    Support = 5,
    Finance = 6,
    Leadership = 7,
}
