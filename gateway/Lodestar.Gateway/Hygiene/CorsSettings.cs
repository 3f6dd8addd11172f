namespace Lodestar.Gateway.Hygiene;

/// <summary>
/// Gateway:Cors: the browser origins allowed to call the API (Gateway__Cors__AllowedOrigins__0=https://app.example.com).
/// None configured means no cross-origin calls.
/// </summary>
public sealed class CorsSettings
{
    public const string SectionName = "Gateway:Cors";

    /// <summary>Headers browsers may read from responses: gRPC-Web statuses and the rate limiter's delay.</summary>
    public static readonly string[] ExposedHeaders = ["grpc-status", "grpc-message", "grpc-status-details-bin", "retry-after"];

    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long browsers may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
