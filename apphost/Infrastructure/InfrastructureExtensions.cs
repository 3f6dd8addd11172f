using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    /// <summary>
    /// RabbitMQ, Redis and PostgreSQL: Aspire's containers where Docker or Podman answers, otherwise the servers'
    /// Debian binaries as executables; chosen once here (LODESTAR_INFRASTRUCTURE=binaries|containers forces it).
    /// </summary>
    public static LodestarInfrastructure AddLodestarInfrastructure(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var mode = settings.Infrastructure.ToLowerInvariant() switch
        {
            "containers" => "containers",
            "binaries" => "binaries",
            "auto" => ContainerRuntimeProbe.Answering() is { } runtime ? "containers" : "binaries",
            var other => throw new ArgumentException($"Unknown LODESTAR_INFRASTRUCTURE '{other}': use auto, containers or binaries."),
        };
        var reason = settings.Infrastructure != "auto" ? "LODESTAR_INFRASTRUCTURE"
            : mode == "containers" ? "a container runtime answers" : "no container runtime answers";
        builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            start.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Lodestar.AppHost")
                .LogInformation("Infrastructure: {Mode} ({Reason})", mode, reason);
            return Task.CompletedTask;
        });
        return mode == "containers" ? ContainerInfrastructure.Add(builder, settings) : BinaryInfrastructure.Add(builder, settings);
    }
}
