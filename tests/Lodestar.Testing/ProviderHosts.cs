using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Security;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lodestar.Testing;

/// <summary>
/// A service twice, on SQLite and on PostgreSQL, each with its own virtual host (two hosts on one would be competing
/// replicas with different databases); tests pick a provider and act in a workspace of their own.
/// </summary>
public abstract class ProviderHosts(InfrastructureFixture infrastructure, string service) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory($"lodestar-{service}-").FullName;
    private readonly Dictionary<DatabaseProvider, (ServiceHost Host, GrpcChannel Channel, string EventBus)> _hosts = [];

    /// <summary>Adds the service to the host builder.</summary>
    protected abstract void Compose(WebApplicationBuilder builder);

    /// <summary>Maps the service's endpoints and migrates its database.</summary>
    protected abstract Task MapAndMigrateAsync(WebApplication app);

    /// <summary>More configuration for the host of <paramref name="provider"/> (e.g. a Redis and its key prefix).</summary>
    protected virtual IDictionary<string, string?>? Settings(DatabaseProvider provider) => null;

    public async ValueTask InitializeAsync()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_folder, provider.ToString())).FullName;
            var database = provider == DatabaseProvider.Postgres ? infrastructure.NewPostgresDatabase(service) : null;
            var eventBus = await infrastructure.NewVirtualHostAsync(service);
            var host = await ServiceHost.StartAsync(service, folder, database, eventBus, Compose, MapAndMigrateAsync, Settings(provider));
            _hosts[provider] = (host, GrpcChannel.ForAddress(host.GrpcAddress), eventBus);
        }
    }

    public ServiceHost Host(DatabaseProvider provider) => _hosts[provider].Host;

    /// <summary>The amqp:// address of the virtual host the service of <paramref name="provider"/> uses.</summary>
    public string EventBus(DatabaseProvider provider) => _hosts[provider].EventBus;

    /// <summary>Calls acting in <paramref name="workspace"/> with <paramref name="role"/>, for any client of the service.</summary>
    public CallInvoker Invoker(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        WorkspaceCalls.Invoker(_hosts[provider].Channel, workspace, role, "pm@" + role);

    /// <summary>An HttpClient for the REST API, acting in <paramref name="workspace"/> as an editor.</summary>
    public HttpClient Rest(DatabaseProvider provider, Guid workspace) => WorkspaceCalls.Rest(_hosts[provider].Host.HttpAddress, workspace);

    /// <summary>Publishes an integration event on the service's own broker, as another service would.</summary>
    public async Task PublishAsync<T>(DatabaseProvider provider, T message)
        where T : IntegrationEvent =>
        await Host(provider).Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = message.EventId, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var (host, channel, _) in _hosts.Values)
        {
            channel.Dispose();
            await host.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the folder is under the temp path.
        }
        GC.SuppressFinalize(this);
    }
}
