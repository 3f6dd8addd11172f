using System.Net;
using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.NotesService;
using Lodestar.LocalInfrastructure;
using Lodestar.Testing;

namespace BuildingBlocks.FunctionalTests.Api;

/// <summary>/health checks the database, broker and Redis; /alive only that the process answers.</summary>
public sealed class HealthTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Readiness_covers_database_broker_and_redis()
    {
        using var folder = new TempFolder();
        await using var host = await NotesHost.StartAsync(folder.Path, infrastructure.NewPostgresDatabase("health"),
            await infrastructure.NewVirtualHostAsync("health"),
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = infrastructure.Redis.ConnectionString });
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unreachable_dependency_makes_the_service_unready_but_still_alive()
    {
        using var folder = new TempFolder();
        await using var host = await NotesHost.StartAsync(folder.Path, null, null,
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = $"127.0.0.1:{FreePort.Next()}" });
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
