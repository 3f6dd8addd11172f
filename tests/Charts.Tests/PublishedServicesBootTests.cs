using System.Net;
using System.Text.Json.Nodes;
using Charts.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Lodestar.LocalInfrastructure;
using Lodestar.Security;
using Lodestar.Testing;
using StrategyV1 = Lodestar.Strategy.V1;

namespace Charts.Tests;

/// <summary>
/// No cluster runs here, so the nearest thing to installing the chart: the published services run with exactly the
/// environment the chart renders for production (migration Jobs first, then the Deployments), against real RabbitMQ,
/// Redis and PostgreSQL, and a user's calls pass through the gateway to a service over REST and gRPC. It fails when the
/// chart forgets a setting a service needs in Production, or the gateway and the services disagree on tokens.
/// </summary>
public sealed class PublishedServicesBootTests(InfrastructureFixture infrastructure)
{
    private const string UsersKey = "chart-test-users-token-signing-key-0123456789";
    private const string UsersIssuer = "lodestar-chart-test";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_services_migrate_start_and_serve_with_the_charts_environment()
    {
        var manifests = await RenderAsync();
        var ports = Component.All.ToDictionary(c => c.Name, _ => (Http: FreePort.Next(), Grpc: FreePort.Next()));
        var cluster = new ClusterStandIn(manifests, ports);

        foreach (var component in Component.All)
        {
            var job = Container(manifests.Get("Job", $"{component.Resource}-migrate"));
            await using var migration = PublishedProcess.Start(component, cluster.Environment(job, component.Name));
            Assert.True(await migration.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 0, $"{component.Name} migration failed:\n{migration.Console}");
        }

        var running = Component.All.Select(c => (Component: c, Process: PublishedProcess.Start(c, cluster.Environment(Container(manifests.Get("Deployment", c.Resource)), c.Name)))).ToList();
        try
        {
            foreach (var (component, process) in running)
                await WaitUntilHealthyAsync(ports[component.Name].Http, () => process.Console);

            using var rest = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports["gateway"].Http}") };
            rest.DefaultRequestHeaders.Authorization = new("Bearer", new DevTokenIssuer(UsersKey, UsersIssuer).Issue("chart-admin", new Dictionary<Guid, WorkspaceRole>()));
            var workspace = (await rest.CallAsync(HttpMethod.Post, "/v1/workspaces", new { displayName = "Chart" })).Str("name")["workspaces/".Length..];
            rest.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, workspace);
            var product = (await rest.CallAsync(HttpMethod.Post, "/v1/products", new { displayName = "Charted" })).Str("name");

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ports["gateway"].Grpc}");
            var products = new StrategyV1.ProductService.ProductServiceClient(channel);
            var listed = await products.ListProductsAsync(new StrategyV1.ListProductsRequest(), new Metadata
            {
                { "authorization", rest.DefaultRequestHeaders.Authorization.ToString() },
                { LodestarClaims.WorkspaceHeader, workspace },
            }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: Cancel);
            Assert.Equal([product], listed.Products.Select(p => p.Name));
        }
        finally
        {
            foreach (var (_, process) in running) await process.DisposeAsync();
        }
    }

    /// <summary>The production example with this machine's servers and keys in place of the external Secrets and OIDC.</summary>
    private async Task<Manifests> RenderAsync()
    {
        var sets = new Dictionary<string, string>
        {
            ["connectionStrings.existingSecret"] = "",
            ["connectionStrings.eventbus"] = await infrastructure.NewVirtualHostAsync("chart"),
            ["connectionStrings.redis"] = infrastructure.Redis.ConnectionString,
            ["auth.existingSecret"] = "",
            ["auth.jwt.signingKey"] = "chart-test-forwarded-token-key-0123456789",
            ["auth.users.authority"] = "",
            ["auth.users.issuer"] = UsersIssuer,
            ["auth.users.signingKey"] = UsersKey,
            ["telemetry.otlp.endpoint"] = "",
            ["gateway.config.Gateway__Access__RedisKeyPrefix"] = InfrastructureFixture.NewKeyPrefix("chart-gateway"),
            ["metrics.config.Metrics__RedisKeyPrefix"] = InfrastructureFixture.NewKeyPrefix("chart-metrics"),
        };
        foreach (var component in Component.All) sets[$"connectionStrings.{component.Name}db"] = infrastructure.NewPostgresDatabase($"chart_{component.Name}");
        var render = await Helm.RunAsync([
            "template", "lodestar", Repository.Chart, "--namespace", "lodestar", "-f", Path.Combine(Repository.Chart, ExampleValues.Production),
            .. sets.SelectMany(set => new[] { "--set-literal", $"{set.Key}={set.Value}" }),
        ]);
        return Manifests.Parse(render.Succeeded().Output);
    }

    private static JsonObject Container(JsonObject workload) =>
        Manifests.Items(workload["spec"]!["template"]!["spec"]!["containers"]).Single();

    private static async Task WaitUntilHealthyAsync(int port, Func<string> console)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), Cancel);
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!Cancel.IsCancellationRequested)
            {
                // A health check still waiting on a server while the service starts: ask again.
                last = "no answer within 5 s";
            }
            await Task.Delay(500, Cancel);
        }
        Assert.Fail($"Port {port} never became healthy ({last}):\n{console()}");
    }
}
