using Lodestar.AppHost.Seeding;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost.Services;

public static class DevelopmentAccessExtensions
{
    /// <summary>
    /// Once the gateway is healthy: the development workspace exists, its id and admin token are printed (as
    /// <c>export</c> lines) and shown on the gateway's resource in the dashboard, and with <c>--seed demo</c> the demo
    /// product is seeded in the background. The dashboard's "Seed demo" command seeds it on demand; seeding leaves an
    /// existing demo product alone.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevelopmentAccess(this IResourceBuilder<ProjectResource> gateway, AppHostSettings settings)
    {
        var access = DevelopmentAccess.Create(settings.DataRoot);
        var configuration = gateway.ApplicationBuilder.Configuration;
        gateway.WithUrl(ReferenceExpression.Create($"{gateway.GetEndpoint(LodestarResources.HttpEndpoint)}/docs/"), "API reference");
        gateway.OnResourceReady(async (resource, ready, cancellationToken) =>
        {
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Lodestar.AppHost");
            await access.EnsureWorkspaceAsync(GrpcAddress(resource), cancellationToken);
            await ready.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(resource, snapshot => snapshot with
            {
                Properties = [
                    .. snapshot.Properties.Where(p => !p.Name.StartsWith("lodestar.", StringComparison.Ordinal)),
                    new ResourcePropertySnapshot("lodestar.workspace", access.Workspace.ToString()) { DisplayName = "Development workspace" },
                    new ResourcePropertySnapshot("lodestar.token", access.Token) { DisplayName = "Admin token (12 h)", IsSensitive = true },
                ],
            });
            Console.WriteLine(Banner(resource, configuration, access));
            if (!settings.SeedDemo) return;
            var stopping = ready.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => DemoSeeding.RunAsync(GrpcAddress(resource), access.Workspace, access.Token, logger, stopping), stopping);
        });
        return gateway.WithCommand("seed-demo", "Seed demo", async context =>
        {
            var logger = context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Lodestar.AppHost");
            var seeded = await DemoSeeding.RunAsync(GrpcAddress(gateway.Resource), access.Workspace, access.Token, logger, context.CancellationToken);
            return seeded ? CommandResults.Success() : CommandResults.Failure("Seeding failed; the app host's log says which call.");
        }, new CommandOptions
        {
            Description = "Fills the development workspace with the demo product, Northwind Reports (left alone when it is there).",
            IconName = "DatabaseArrowUp",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });
    }

    private static Uri GrpcAddress(ProjectResource gateway) => new(gateway.GetEndpoint(LodestarResources.GrpcEndpoint).Url);

    private static string Banner(ProjectResource gateway, ConfigurationManager configuration, DevelopmentAccess access)
    {
        var dashboard = configuration["ASPNETCORE_URLS"]?.Split(';')[0].TrimEnd('/');
        var login = configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"{dashboard}/login?t={token}" : dashboard;
        return $"""

            Lodestar is running. Press Ctrl+C to stop.
              dashboard {login ?? "(off)"}
              gateway   REST {gateway.GetEndpoint(LodestarResources.HttpEndpoint).Url}  gRPC {gateway.GetEndpoint(LodestarResources.GrpcEndpoint).Url}  (reference at {gateway.GetEndpoint(LodestarResources.HttpEndpoint).Url}/docs/)
              workspace {access.Workspace}
              export WS={access.Workspace}
              export TOKEN={access.Token}
            """;
    }
}
