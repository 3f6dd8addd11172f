using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.LocalInfrastructure;
using Lodestar.Metrics.Extensions;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Benchmarks;

/// <summary>The metrics service in process on one provider, with a workspace, products and a gRPC channel.</summary>
public sealed class MetricsHost : IAsyncDisposable
{
    private readonly string _folder;

    private MetricsHost(ServiceHost host, GrpcChannel channel, string folder, Guid workspace)
    {
        (Host, Channel, _folder, Workspace) = (host, channel, folder, workspace);
        Invoker = WorkspaceCalls.Invoker(channel, workspace, subject: "benchmark");
    }

    public ServiceHost Host { get; }

    public GrpcChannel Channel { get; }

    public CallInvoker Invoker { get; }

    public Guid Workspace { get; }

    public static async Task<MetricsHost> StartAsync(LocalServers infrastructure, DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-metrics-bench-").FullName;
        var database = provider == DatabaseProvider.Postgres ? infrastructure.Postgres!.ConnectionStringFor($"metrics_bench_{Guid.NewGuid():N}"[..28]) : null;
        var host = await ServiceHost.StartAsync("metrics", folder, database, infrastructure.RabbitMq!.ConnectionString,
            builder => builder.AddMetricsService(),
            async app =>
            {
                app.MapMetricsService();
                await app.MigrateDatabaseAsync<MetricsDbContext>();
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:redis"] = infrastructure.Redis!.ConnectionString,
                ["Metrics:RedisKeyPrefix"] = $"bench:{Guid.NewGuid():N}:",
                ["Logging:LogLevel:Lodestar"] = "Warning",
            });
        var channel = GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { MaxSendMessageSize = null, MaxReceiveMessageSize = null });
        return new MetricsHost(host, channel, folder, Guid.NewGuid());
    }

    /// <summary>Announces a product as strategy would and waits until the service knows it.</summary>
    public async Task<Guid> NewProductAsync(string name)
    {
        var id = Guid.NewGuid();
        await Host.Services.GetRequiredService<IBus>().Publish(new ProductChanged(id, name, "growth", false) { WorkspaceId = Workspace });
        var activity = new V1.ActivityService.ActivityServiceClient(Invoker);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var date = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            try
            {
                await activity.GetActivityAsync(new V1.GetActivityRequest { Product = $"products/{id}", StartDate = date, EndDate = date });
                return id;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                // Not announced yet.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the folder is under the temp path.
        }
    }
}
