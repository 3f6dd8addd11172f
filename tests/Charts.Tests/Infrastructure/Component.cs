namespace Charts.Tests.Infrastructure;

/// <summary>
/// What each deployable reads at start-up and whom it calls, as the code has it: every component reads its endpoints,
/// token settings and database; services with consumers the event bus; the gateway and metrics Redis; the gateway its
/// users' token settings and each service's address (it is the only caller over gRPC: services talk through RabbitMQ).
/// </summary>
public sealed record Component(string Name, string Project, bool EventBus, bool Redis, IReadOnlyList<string> Calls)
{
    public static IReadOnlyList<Component> All { get; } =
    [
        new("gateway", "gateway/Lodestar.Gateway", false, true, ["discovery", "strategy", "backlog", "metrics"]),
        new("discovery", "services/Discovery/Lodestar.Discovery.Api", true, false, []),
        new("strategy", "services/Strategy/Lodestar.Strategy.Api", true, false, []),
        new("backlog", "services/Backlog/Lodestar.Backlog.Api", true, false, []),
        new("metrics", "services/Metrics/Lodestar.Metrics.Api", true, true, []),
    ];

    public string Resource => $"lodestar-{Name}";

    public string Assembly => Path.GetFileName(Project);

    /// <summary>Settings without which the process does not start as configured (Production environment).</summary>
    public IEnumerable<string> RequiredSettings()
    {
        string[] always =
        [
            "ASPNETCORE_ENVIRONMENT", "Kestrel__Endpoints__http__Url", "Kestrel__Endpoints__grpc__Url", $"ConnectionStrings__{Name}db",
            "Database__MigrateOnStartup", "Authentication__Jwt__SigningKey", "Authentication__Jwt__Issuer", "Authentication__Jwt__Audience",
            "OTEL_SERVICE_NAME",
        ];
        foreach (var setting in always) yield return setting;
        if (EventBus) yield return "ConnectionStrings__eventbus";
        if (Redis) yield return "ConnectionStrings__redis";
        foreach (var callee in Calls)
        {
            yield return $"services__{callee}__http__0";
            yield return $"services__{callee}__grpc__0";
        }
        if (Name == "gateway") yield return "Authentication__Users__Audience";
    }
}
