using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Funnels;

/// <summary>
/// A product's own metrics (its funnels' conversions) are published whole as MetricCatalogChanged with a growing
/// revision, in the transaction of the change, so strategy binds KPIs to exactly the keys that exist.
/// </summary>
public sealed class MetricCatalogTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Every_change_of_a_products_funnels_publishes_its_whole_catalog_with_a_higher_revision(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(MetricCatalogChanged));
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product[^36..]);
        var funnels = hosts.Funnels(provider, workspace);

        // A product whose catalog was never published (new, or from before the catalog) is announced once by the recorder.
        var first = await probe.WaitForAsync<MetricCatalogChanged>(m => m.GetProperty("productId").GetGuid() == productId);
        Assert.Equal((1L, 0), (first.GetProperty("revision").GetInt64(), first.GetProperty("metrics").GetArrayLength()));

        var buy = await funnels.CreateFunnelAsync(new CreateFunnelRequest
        {
            Parent = product, Funnel = new Funnel { DisplayName = "Open to buy", Steps = { "open", "buy" } },
        }, cancellationToken: Cancel);
        var checkout = await funnels.CreateFunnelAsync(new CreateFunnelRequest
        {
            Parent = product, Funnel = new Funnel { DisplayName = "Checkout", Steps = { "cart", "pay" } },
        }, cancellationToken: Cancel);
        await Latest(probe, productId, 3, (checkout.MetricKey, "Checkout"), (buy.MetricKey, "Open to buy"));

        // A rename is published; a change of steps or window is not (the keys and names stay).
        buy = await funnels.UpdateFunnelAsync(new UpdateFunnelRequest
        {
            Funnel = new Funnel { Name = buy.Name, DisplayName = "Browse to buy", Metadata = buy.Metadata }, UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, cancellationToken: Cancel);
        await funnels.UpdateFunnelAsync(new UpdateFunnelRequest
        {
            Funnel = new Funnel { Name = buy.Name, ConversionWindow = Duration.FromTimeSpan(TimeSpan.FromDays(2)) }, UpdateMask = new FieldMask { Paths = { "conversion_window" } },
        }, cancellationToken: Cancel);
        await Latest(probe, productId, 4, (buy.MetricKey, "Browse to buy"), (checkout.MetricKey, "Checkout"));

        await funnels.DeleteFunnelAsync(new DeleteFunnelRequest { Name = checkout.Name }, cancellationToken: Cancel);
        await Latest(probe, productId, 5, (buy.MetricKey, "Browse to buy"));
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.Equal([1L, 2, 3, 4, 5], probe.All<MetricCatalogChanged>().Where(m => m.GetProperty("productId").GetGuid() == productId)
            .Select(m => m.GetProperty("revision").GetInt64()).Order());
    }

    private static async Task Latest(BrokerProbe probe, Guid productId, long revision, params (string Key, string Name)[] metrics)
    {
        var message = await probe.WaitForAsync<MetricCatalogChanged>(m => m.GetProperty("productId").GetGuid() == productId && m.GetProperty("revision").GetInt64() == revision);
        Assert.Equal(metrics, message.GetProperty("metrics").EnumerateArray().Select(Metric));
    }

    private static (string, string) Metric(JsonElement metric) => (metric.GetProperty("key").GetString()!, metric.GetProperty("displayName").GetString()!);
}
