namespace Lodestar.Gateway.Routing;

/// <summary>
/// Gateway:Timeouts: how long the gateway lets a call run before answering DEADLINE_EXCEEDED (REST 504). Streaming
/// methods have none: they last as long as the client keeps them open, within their own deadline.
/// </summary>
public sealed class RouteTimeouts
{
    public const string SectionName = "Gateway:Timeouts";

    /// <summary>Every unary gRPC method and REST route.</summary>
    public TimeSpan Unary { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per proto service, by full name (Gateway__Timeouts__Services__lodestar.metrics.v1.ExperimentService=00:02:00).</summary>
    public Dictionary<string, TimeSpan> Services { get; } = new(StringComparer.Ordinal);
}
