namespace Lodestar.Gateway.Access;

/// <summary>Bound from "Gateway:Access".</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Gateway:Access";

    /// <summary>How long Redis keeps a membership or API key lookup; changes made here overwrite it at once.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of the tokens the gateway signs for the services.</summary>
    public TimeSpan ForwardedTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the API keys' last-use times are written to the database.</summary>
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix of the gateway's Redis keys (cache and rate limits), shared by its replicas.</summary>
    public string RedisKeyPrefix { get; set; } = "lodestar:gateway:";
}
