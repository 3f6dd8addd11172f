namespace Lodestar.Gateway.Health;

/// <summary>
/// Gateway:DestinationHealth: YARP's active probes of each service instance's /alive, and how long an instance that
/// failed too many forwarded calls (passive check) is left out before it is tried again.
/// </summary>
public sealed class DestinationHealthOptions
{
    public const string SectionName = "Gateway:DestinationHealth";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
