using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Metrics.Extensions;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Lodestar.Security;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Metrics.FunctionalTests.Infrastructure;

/// <summary>The metrics service on SQLite and on PostgreSQL, each with its own Redis key prefix, with its clients.</summary>
public sealed class MetricsHosts(InfrastructureFixture fixture) : ProviderHosts(fixture, "metrics")
{
    private readonly string _redis = fixture.Redis.ConnectionString;

    private readonly Dictionary<DatabaseProvider, string> _prefixes = new()
    {
        [DatabaseProvider.Sqlite] = InfrastructureFixture.NewKeyPrefix("metrics"),
        [DatabaseProvider.Postgres] = InfrastructureFixture.NewKeyPrefix("metrics"),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected override void Compose(WebApplicationBuilder builder) => builder.AddMetricsService();

    protected override async Task MapAndMigrateAsync(WebApplication app)
    {
        app.MapMetricsService();
        await app.MigrateDatabaseAsync<MetricsDbContext>();
    }

    protected override IDictionary<string, string?> Settings(DatabaseProvider provider) => new Dictionary<string, string?>
    {
        ["ConnectionStrings:redis"] = _redis,
        ["Metrics:RedisKeyPrefix"] = _prefixes[provider],
        ["Metrics:Experiments:MonitorInterval"] = "00:00:01",
        ["Metrics:Values:RecomputeInterval"] = "00:00:01",
    };

    public EventService.EventServiceClient Events(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public ActivityService.ActivityServiceClient Activity(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public SurveyService.SurveyServiceClient Surveys(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public ExperimentService.ExperimentServiceClient Experiments(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public FunnelService.FunnelServiceClient Funnels(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public MetricValueService.MetricValueServiceClient Values(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace, WorkspaceRole.Viewer));

    /// <summary>Deletes every Redis key of <paramref name="product"/>, as if Redis had lost its data.</summary>
    public async Task<int> ForgetAggregatesAsync(DatabaseProvider provider, string product)
    {
        var pattern = $"{_prefixes[provider]}{Guid.Parse(product["products/".Length..]):N}:*";
        var redis = Host(provider).Services.GetRequiredService<IConnectionMultiplexer>();
        var server = redis.GetServers()[0];
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: pattern)) keys.Add(key);
        if (keys.Count > 0) await redis.GetDatabase().KeyDeleteAsync([.. keys]);
        return keys.Count;
    }

    /// <summary>Announces a product as strategy would (ProductChanged) and waits until metrics knows it.</summary>
    public async Task<string> NewProductAsync(DatabaseProvider provider, Guid workspace, string name = "Atlas")
    {
        var id = Guid.NewGuid();
        await PublishAsync(provider, new ProductChanged(id, name, "growth", false) { WorkspaceId = workspace });
        var product = $"products/{id}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Eventually.GetAsync(() => Activity(provider, workspace).GetActivityAsync(new GetActivityRequest
        {
            Product = product, StartDate = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day }, EndDate = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
        }, cancellationToken: Cancel).ResponseAsync, _ => true);
        return product;
    }
}
