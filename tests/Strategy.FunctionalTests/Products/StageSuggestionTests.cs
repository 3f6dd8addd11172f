using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.Api;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Products;

/// <summary>The stage suggestion from the daily active-user values the metrics service publishes over the broker.</summary>
public sealed class StageSuggestionTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task The_published_monthly_active_users_over_complete_periods_suggest_decline_and_a_product_may_read_weekly_ones(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var products = hosts.Products(provider, workspace);
        var name = product + "/stageSuggestion";

        var empty = await products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = name }, cancellationToken: Cancel);
        Assert.Equal((LifecycleStage.Unspecified, "mau"), (empty.SuggestedStage, empty.MetricKey));
        Assert.Contains("Not enough history", empty.Explanation, StringComparison.Ordinal);

        // Metrics publishes mau and wau for every complete day: monthly users fall period after period, weekly ones grow.
        var bus = hosts.Host(provider).Services.GetRequiredService<IBus>();
        var productId = Guid.Parse(product["products/".Length..]);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        for (var ago = 0; ago <= 120; ago++)
        {
            var day = yesterday.AddDays(-ago);
            await bus.Publish(new MetricValueChanged(productId, "mau", 68_000 + 4_000 * (ago / 30) + ago % 30, DateTimeOffset.UtcNow) { WorkspaceId = workspace, AsOfDate = day }, Cancel);
            await bus.Publish(new MetricValueChanged(productId, "wau", 20_000 - 150 * ago, DateTimeOffset.UtcNow) { WorkspaceId = workspace, AsOfDate = day }, Cancel);
        }
        // Another metric of the product does not count as activity.
        await bus.Publish(new MetricValueChanged(productId, "signups", 1, DateTimeOffset.UtcNow) { WorkspaceId = workspace, AsOfDate = yesterday }, Cancel);

        var suggestion = await Eventually.GetAsync(() => products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = name }, cancellationToken: Cancel).ResponseAsync,
            s => s.History.Select(p => p.ActiveUsers).SequenceEqual([80_000, 76_000, 72_000, 68_000]), seconds: 30);
        Assert.Equal((LifecycleStage.Decline, LifecycleStage.Introduction, 3), (suggestion.SuggestedStage, suggestion.CurrentStage, suggestion.FallingPeriods));
        Assert.Equal([yesterday.AddDays(-90), yesterday.AddDays(-60), yesterday.AddDays(-30), yesterday], suggestion.History.Select(p => p.Date.ToDateOnly()));
        Assert.Contains("'mau' from one 30-day period to the next", suggestion.Rule, StringComparison.Ordinal);

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.GetFromJsonAsync<JsonElement>($"/v1/{name}", Cancel);
        Assert.Equal("LIFECYCLE_STAGE_DECLINE", rest.GetProperty("suggestedStage").GetString());

        // The product reads weekly users instead: 7-day periods of a steady rise.
        var weekly = await products.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new Product { Name = product, StageMetricKey = "wau" }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "stage_metric_key" } },
        }, cancellationToken: Cancel);
        Assert.Equal("wau", weekly.StageMetricKey);
        // The weekly points are consumed concurrently with the monthly ones, so the reads wait for the days they need.
        var growth = await Eventually.GetAsync(() => products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = name }, cancellationToken: Cancel).ResponseAsync,
            s => s.History.Select(p => p.Date.ToDateOnly()).SequenceEqual([yesterday.AddDays(-21), yesterday.AddDays(-14), yesterday.AddDays(-7), yesterday]), seconds: 30);
        Assert.Equal(("wau", LifecycleStage.Growth), (growth.MetricKey, growth.SuggestedStage));
        Assert.Equal([yesterday.AddDays(-21), yesterday.AddDays(-14), yesterday.AddDays(-7), yesterday], growth.History.Select(p => p.Date.ToDateOnly()));

        // As it read on an earlier day: the history held up to that day only.
        var earlier = await Eventually.GetAsync(() => products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = name, AsOfDate = yesterday.AddDays(-90).ToProto() }, cancellationToken: Cancel).ResponseAsync,
            s => s.History.Select(p => p.Date.ToDateOnly()).SequenceEqual([yesterday.AddDays(-111), yesterday.AddDays(-104), yesterday.AddDays(-97), yesterday.AddDays(-90)]), seconds: 30);
        Assert.Equal([yesterday.AddDays(-111), yesterday.AddDays(-104), yesterday.AddDays(-97), yesterday.AddDays(-90)], earlier.History.Select(p => p.Date.ToDateOnly()));
        Assert.Equal([20_000d - 150 * 111, 20_000d - 150 * 104, 20_000d - 150 * 97, 20_000d - 150 * 90], earlier.History.Select(p => p.ActiveUsers));
        var beforeAny = await products.GetStageSuggestionAsync(new GetStageSuggestionRequest { Name = name, AsOfDate = yesterday.AddDays(-200).ToProto() }, cancellationToken: Cancel);
        Assert.Equal((LifecycleStage.Unspecified, 0), (beforeAny.SuggestedStage, beforeAny.History.Count));
        await Rpc.InvalidAsync(products.GetStageSuggestionAsync(new GetStageSuggestionRequest
        {
            Name = name, AsOfDate = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 },
        }, cancellationToken: Cancel), "as_of_date");

        await Rpc.InvalidAsync(products.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new Product { Name = product, StageMetricKey = "signups" }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "stage_metric_key" } },
        }, cancellationToken: Cancel), "product.stage_metric_key");
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
