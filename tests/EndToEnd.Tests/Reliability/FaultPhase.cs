namespace EndToEnd.Tests.Reliability;

/// <summary>Where a fault test is when a call starts.</summary>
public enum FaultPhase
{
    Before,
    During,
    After,
}
