using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Lodestar.ServiceDefaults;

namespace AppHost.Tests;

/// <summary>
/// The model Program.cs builds, both ways of running the servers, without starting anything: the container path can
/// only be checked this way here (no container engine on these machines).
/// </summary>
public sealed class TopologyTests
{
    private static readonly string[] Services = [LodestarResources.Strategy, LodestarResources.Backlog, LodestarResources.Discovery, LodestarResources.Metrics];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("binaries")]
    [InlineData("containers")]
    public async Task Every_service_gets_the_event_bus_redis_and_its_own_database_and_the_gateway_waits_for_the_four(string infrastructure)
    {
        using var folder = new TemporaryFolder();
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Lodestar_AppHost>(
            [$"--LODESTAR_INFRASTRUCTURE={infrastructure}", $"--LODESTAR_DATA={folder.Path}"], Cancel);

        var resources = builder.Resources.ToDictionary(r => r.Name);
        foreach (var server in new[] { "rabbitmq", LodestarResources.Redis, "postgres" })
            Assert.True(infrastructure == "containers" ? resources[server] is ContainerResource : resources[server] is ExecutableResource, $"{server} is a {resources[server].GetType().Name}");

        foreach (var name in Services.Append(LodestarResources.Gateway))
        {
            var service = Assert.IsType<ProjectResource>(resources[name]);
            var environment = await EnvironmentOf(service);
            Assert.Contains($"ConnectionStrings__{LodestarResources.EventBus}", environment.Keys);
            Assert.Contains($"ConnectionStrings__{LodestarResources.Redis}", environment.Keys);
            Assert.Contains($"ConnectionStrings__{name}db", environment.Keys);
            Assert.Contains("Kestrel__Endpoints__grpc__Url", environment.Keys);
            Assert.Equal([LodestarResources.HttpEndpoint, LodestarResources.GrpcEndpoint], service.Annotations.OfType<EndpointAnnotation>().Select(e => e.Name));
            Assert.Subset(WaitedFor(service), new HashSet<string>(["rabbitmq", LodestarResources.Redis, infrastructure == "containers" ? $"{name}db" : "postgres"]));
        }
        var gateway = resources[LodestarResources.Gateway];
        Assert.Subset(WaitedFor(gateway), Services.ToHashSet());
        var routes = await EnvironmentOf((ProjectResource)gateway);
        Assert.All(Services, s => Assert.Contains($"services__{s}__grpc__0", routes.Keys));
    }

    /// <summary>The variables the resource would be given, as publish-mode expressions (no endpoint needs allocating).</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOf(ProjectResource service)
    {
        var context = new DistributedApplicationExecutionContext(new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Publish));
        var configuration = await ExecutionConfigurationBuilder.Create(service).WithEnvironmentVariablesConfig()
            .BuildAsync(context, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, Cancel);
        if (configuration.Exception is { } failure) throw failure;
        return configuration.EnvironmentVariables.ToDictionary();
    }

    private static HashSet<string> WaitedFor(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name)];
}
