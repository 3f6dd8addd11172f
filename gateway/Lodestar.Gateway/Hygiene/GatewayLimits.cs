namespace Lodestar.Gateway.Hygiene;

/// <summary>Gateway:Limits: what the gateway refuses before anything reaches a service.</summary>
public sealed class GatewayLimits
{
    public const string SectionName = "Gateway:Limits";

    /// <summary>The largest request body (REST or one gRPC call's messages), in bytes; larger is 413 / RESOURCE_EXHAUSTED.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;
}
