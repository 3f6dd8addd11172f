using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Products;

/// <summary>The stage suggestion from active users that arrive from the metrics service over the broker.</summary>
public sealed class StageSuggestionTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task A_falling_history_suggests_decline_with_the_rule_shown(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var products = hosts.Products(provider, workspace);
        var name = product + "/stageSuggestion";

        var empty = await products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = name }, cancellationToken: Cancel);
        Assert.Equal(LifecycleStage.Unspecified, empty.SuggestedStage);
        Assert.Contains("Not enough history", empty.Explanation, StringComparison.Ordinal);

        var bus = hosts.Host(provider).Services.GetRequiredService<IBus>();
        var productId = Guid.Parse(product["products/".Length..]);
        double[] monthly = [90_000, 80_000, 76_000, 72_000, 68_000];
        for (var i = 0; i < monthly.Length; i++)
        {
            await bus.Publish(new MetricValueChanged(productId, "active_users", monthly[i], new DateTimeOffset(2026, 1 + i, 1, 0, 0, 0, TimeSpan.Zero))
                { WorkspaceId = workspace }, Cancel);
        }
        // Another metric of the product does not count as activity.
        await bus.Publish(new MetricValueChanged(productId, "signups", 1, new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)) { WorkspaceId = workspace }, Cancel);

        StageSuggestion suggestion;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100, Cancel);
            suggestion = await products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = name }, cancellationToken: Cancel);
        } while (!suggestion.History.Select(p => p.ActiveUsers).SequenceEqual([80_000, 76_000, 72_000, 68_000]) && DateTime.UtcNow < deadline);

        Assert.Equal((LifecycleStage.Decline, LifecycleStage.Introduction, 3), (suggestion.SuggestedStage, suggestion.CurrentStage, suggestion.FallingPeriods));
        Assert.Equal([80_000d, 76_000, 72_000, 68_000], suggestion.History.Select(p => p.ActiveUsers));
        Assert.Contains("falling in every one", suggestion.Rule, StringComparison.Ordinal);

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.GetFromJsonAsync<JsonElement>($"/v1/{name}", Cancel);
        Assert.Equal("LIFECYCLE_STAGE_DECLINE", rest.GetProperty("suggestedStage").GetString());
    }

    [Fact]
    public async Task A_malformed_or_unknown_name_is_refused()
    {
        var products = hosts.Products(DatabaseProvider.Sqlite, Guid.NewGuid());
        await Rpc.InvalidAsync(products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = "products/x" }, cancellationToken: Cancel), "name");
        await Rpc.FailsAsync(Grpc.Core.StatusCode.NotFound,
            products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = $"products/{Guid.NewGuid()}/stageSuggestion" }, cancellationToken: Cancel));
    }
}
