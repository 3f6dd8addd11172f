namespace Lodestar.Gateway.Access;

/// <summary>Endpoint metadata saying what the edge checks before an endpoint runs.</summary>
public sealed class AccessPolicy
{
    private AccessPolicy(string name) => Name = name;

    /// <summary>Proxied service calls: a caller, a workspace they belong to, the rate limit; then a forwarded token.</summary>
    public static AccessPolicy Forwarded { get; } = new("forwarded");

    /// <summary>The gateway's own APIs: a caller; the methods check their own roles.</summary>
    public static AccessPolicy Authenticated { get; } = new("authenticated");

    public string Name { get; }

    public override string ToString() => Name;
}
