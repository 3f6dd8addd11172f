namespace Lodestar.Gateway.RateLimiting;

/// <summary>Bound from "Gateway:RateLimits": a token bucket per workspace, shared by the gateway's replicas.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>The default limit of every workspace.</summary>
    public BucketLimit Default { get; set; } = new();

    /// <summary>Limits of particular workspaces, by workspace id (Gateway__RateLimits__Workspaces__{id}__Burst…).</summary>
    public Dictionary<string, BucketLimit> Workspaces { get; } = new(StringComparer.OrdinalIgnoreCase);

    public BucketLimit For(Guid workspaceId) => Workspaces.GetValueOrDefault(workspaceId.ToString("D")) ?? Default;
}
