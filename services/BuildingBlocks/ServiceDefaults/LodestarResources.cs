namespace Lodestar.ServiceDefaults;

/// <summary>Resource names and default local ports, shared by the services, the app host, the gateway and the tests.</summary>
public static class LodestarResources
{
    public const string Discovery = "discovery";
    public const string Strategy = "strategy";
    public const string Backlog = "backlog";
    public const string Metrics = "metrics";
    public const string Gateway = "gateway";

    /// <summary>Connection-string names (ConnectionStrings__…).</summary>
    public const string EventBus = "eventbus";
    public const string Redis = "redis";

    /// <summary>Endpoint names, as in services__{name}__{endpoint}__{index}.</summary>
    public const string HttpEndpoint = "http";
    public const string GrpcEndpoint = "grpc";

    /// <summary>Default local ports (http, grpc) when no Kestrel endpoint or URL is configured.</summary>
    public static (int Http, int Grpc) DefaultPorts(string service) => service switch
    {
        Gateway => (5100, 5110),
        Discovery => (5101, 5111),
        Backlog => (5102, 5112),
        Strategy => (5103, 5113),
        Metrics => (5104, 5114),
        _ => (0, 0),
    };
}
