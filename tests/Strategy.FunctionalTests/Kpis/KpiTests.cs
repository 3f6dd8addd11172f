using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Kpis;

/// <summary>KPIs: targets, the North Star rule, and values that arrive from the metrics service over the broker.</summary>
public sealed class KpiTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Kpi Wau(string product, bool northStar = false) => new()
    {
        Product = product, DisplayName = "Weekly active users", MetricKey = "wau", Direction = KpiDirection.Up,
        Target = 1000, AtRiskBand = 100, NorthStar = northStar,
    };

    private async Task<(ProductService.ProductServiceClient Products, KpiService.KpiServiceClient Kpis, Guid Workspace, string Product)> ArrangeAsync(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var products = hosts.Products(provider, workspace);
        var product = await products.CreateProductAsync(new CreateProductRequest { Product = new Product { DisplayName = "Atlas" } }, cancellationToken: Cancel);
        return (products, hosts.Kpis(provider, workspace), workspace, product.Name);
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task A_kpi_is_created_listed_updated_and_deleted(DatabaseProvider provider)
    {
        var (_, kpis, _, product) = await ArrangeAsync(provider);
        var kpi = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau(product, northStar: true) }, cancellationToken: Cancel);
        Assert.Equal((KpiStatus.NoData, false, true), (kpi.Status, kpi.HasLatestValue, kpi.NorthStar));
        Assert.Equal(kpi, await kpis.GetKpiAsync(new GetKpiRequest { Name = kpi.Name }, cancellationToken: Cancel));

        var churn = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = new Kpi
        {
            Product = product, DisplayName = "Day-30 retention", MetricKey = "retention_d30", Direction = KpiDirection.Up, Target = 0.3, AtRiskBand = 0.05,
        } }, cancellationToken: Cancel);
        var list = await kpis.ListKpisAsync(new ListKpisRequest { Product = product, PageSize = 1 }, cancellationToken: Cancel);
        Assert.Equal("Day-30 retention", Assert.Single(list.Kpis).DisplayName);
        var next = await kpis.ListKpisAsync(new ListKpisRequest { Product = product, PageSize = 1, PageToken = list.NextPageToken }, cancellationToken: Cancel);
        Assert.Equal("Weekly active users", Assert.Single(next.Kpis).DisplayName);
        Assert.Empty(next.NextPageToken);

        var updated = await kpis.UpdateKpiAsync(new UpdateKpiRequest
        {
            Kpi = new Kpi { Name = kpi.Name, Target = 1500, Metadata = kpi.Metadata },
            UpdateMask = new FieldMask { Paths = { "target" } },
        }, cancellationToken: Cancel);
        Assert.Equal((1500d, "\"2\""), (updated.Target, updated.Metadata.Etag));

        await kpis.DeleteKpiAsync(new DeleteKpiRequest { Name = churn.Name, Etag = churn.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, kpis.GetKpiAsync(new GetKpiRequest { Name = churn.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Bad_kpis_name_their_fields_and_a_second_north_star_is_refused(DatabaseProvider provider)
    {
        var (_, kpis, _, product) = await ArrangeAsync(provider);
        await Rpc.InvalidAsync(kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = new Kpi { Product = product, Target = double.NaN, AtRiskBand = -1 } }, cancellationToken: Cancel),
            "kpi.display_name", "kpi.direction", "kpi.target", "kpi.at_risk_band", "kpi.metric_key");
        var badKey = Wau(product);
        badKey.MetricKey = "Weekly Users!";
        await Rpc.InvalidAsync(kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = badKey }, cancellationToken: Cancel), "kpi.metric_key");
        await Rpc.InvalidAsync(kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau("products/nope") }, cancellationToken: Cancel), "kpi.product");
        await Rpc.FailsAsync(StatusCode.NotFound, kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau($"products/{Guid.NewGuid()}") }, cancellationToken: Cancel));

        var star = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau(product, northStar: true) }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.AlreadyExists, kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau(product) }, cancellationToken: Cancel));
        var second = Wau(product, northStar: true);
        second.MetricKey = "mau";
        await Rpc.InvalidAsync(kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = second }, cancellationToken: Cancel), "kpi.north_star");
        second.NorthStar = false;
        var mau = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = second }, cancellationToken: Cancel);
        await Rpc.InvalidAsync(kpis.UpdateKpiAsync(new UpdateKpiRequest
        {
            Kpi = new Kpi { Name = mau.Name, NorthStar = true }, UpdateMask = new FieldMask { Paths = { "north_star" } },
        }, cancellationToken: Cancel), "kpi.north_star");
        await Rpc.InvalidAsync(kpis.UpdateKpiAsync(new UpdateKpiRequest { Kpi = new Kpi { Name = mau.Name } }, cancellationToken: Cancel), "update_mask");
        await Rpc.InvalidAsync(kpis.UpdateKpiAsync(new UpdateKpiRequest
        {
            Kpi = new Kpi { Name = mau.Name }, UpdateMask = new FieldMask { Paths = { "metric_key" } },
        }, cancellationToken: Cancel), "update_mask");
        await Rpc.FailsAsync(StatusCode.Aborted, kpis.DeleteKpiAsync(new DeleteKpiRequest { Name = star.Name, Etag = "\"9\"" }, cancellationToken: Cancel));

        var all = await kpis.ListKpisAsync(new ListKpisRequest { Product = product }, cancellationToken: Cancel);
        Assert.Equal(2, all.Kpis.Count);
        Assert.Single(all.Kpis, k => k.NorthStar);
    }

    [Fact]
    public async Task Values_of_complete_days_move_the_status_by_the_latest_day_and_only_current_ones_announce_what_moved_it()
    {
        var (_, kpis, workspace, product) = await ArrangeAsync(DatabaseProvider.Postgres);
        var kpi = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau(product, northStar: true) }, cancellationToken: Cancel);
        var productId = Guid.Parse(product["products/".Length..]);
        var kpiId = kpi.Name["kpis/".Length..];
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(DatabaseProvider.Postgres), typeof(KpiStatusChanged));
        var bus = hosts.Host(DatabaseProvider.Postgres).Services.GetRequiredService<IBus>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly DaysAgo(int days) => today.AddDays(-days);

        async Task<Kpi> ArrivesAsync(double value, int daysAgo, int expectedValues)
        {
            var change = new MetricValueChanged(productId, "wau", value, DateTimeOffset.UtcNow) { WorkspaceId = workspace, AsOfDate = DaysAgo(daysAgo) };
            await bus.Publish(change, c => c.MessageId = change.EventId, Cancel);
            await Eventually(async () =>
            {
                var values = (await kpis.ListKpiValuesAsync(new ListKpiValuesRequest { Parent = kpi.Name }, cancellationToken: Cancel)).Values;
                return values.Count == expectedValues && values.Any(v => v.Value == value && v.AsOfDate.ToDateOnly() == DaysAgo(daysAgo));
            });
            return await kpis.GetKpiAsync(new GetKpiRequest { Name = kpi.Name }, cancellationToken: Cancel);
        }

        // History caught up (days before the last complete one) moves the status without announcing it.
        var offTrack = await ArrivesAsync(850, 3, 1);
        Assert.Equal((KpiStatus.OffTrack, DaysAgo(3), DaysAgo(3)), (offTrack.Status, offTrack.LatestValueDate.ToDateOnly(), offTrack.StatusDate.ToDateOnly()));
        Assert.Equal($"wau was 850 on {DaysAgo(3):yyyy-MM-dd}: below the target 1,000 by more than the at-risk band of 100.", offTrack.StatusReason);
        Assert.Equal(KpiStatus.AtRisk, (await ArrivesAsync(900, 2, 2)).Status);

        // The last complete day's value is current: its status is announced with what moved it.
        var onTrack = await ArrivesAsync(1000, 1, 3);
        Assert.Equal((KpiStatus.OnTrack, 1000d, DaysAgo(1)), (onTrack.Status, onTrack.LatestValue, onTrack.StatusDate.ToDateOnly()));
        var announced = await probe.WaitForAsync<KpiStatusChanged>(m => m.GetProperty("kpiId").GetString() == kpiId);
        Assert.Equal(("on-track", "no-data", 1000d, $"{DaysAgo(1):yyyy-MM-dd}", 1000d, 100d, "up", onTrack.StatusReason),
            (announced.GetProperty("status").GetString(), announced.GetProperty("previousStatus").GetString(), announced.GetProperty("value").GetDouble(),
             announced.GetProperty("asOfDate").GetString(), announced.GetProperty("target").GetDouble(), announced.GetProperty("atRiskBand").GetDouble(),
             announced.GetProperty("direction").GetString(), announced.GetProperty("reason").GetString()));

        // An earlier day's value joins the history but does not replace the latest day's.
        var earlier = await ArrivesAsync(10, 6, 4);
        Assert.Equal((KpiStatus.OnTrack, 1000d, DaysAgo(1)), (earlier.Status, earlier.LatestValue, earlier.LatestValueDate.ToDateOnly()));

        // A correction of the latest day replaces its value, in the KPI and in the history, and is announced.
        var corrected = await ArrivesAsync(850, 1, 4);
        Assert.Equal((KpiStatus.OffTrack, 850d), (corrected.Status, corrected.LatestValue));
        await probe.WaitForAsync<KpiStatusChanged>(m => m.GetProperty("kpiId").GetString() == kpiId && m.GetProperty("status").GetString() == "off-track"
            && m.GetProperty("previousStatus").GetString() == "on-track");

        // The same event delivered again changes nothing.
        var duplicate = new MetricValueChanged(productId, "wau", 1, DateTimeOffset.UtcNow) { WorkspaceId = workspace, AsOfDate = DaysAgo(0) };
        await bus.Publish(duplicate, c => c.MessageId = duplicate.EventId, Cancel);
        await bus.Publish(duplicate, c => c.MessageId = duplicate.EventId, Cancel);
        await Eventually(async () => (await kpis.ListKpiValuesAsync(new ListKpiValuesRequest { Parent = kpi.Name }, cancellationToken: Cancel)).Values.Count == 5);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        var history = await kpis.ListKpiValuesAsync(new ListKpiValuesRequest { Parent = kpi.Name }, cancellationToken: Cancel);
        Assert.Equal([1d, 850, 900, 850, 10], history.Values.Select(v => v.Value));
        Assert.Equal([DaysAgo(0), DaysAgo(1), DaysAgo(2), DaysAgo(3), DaysAgo(6)], history.Values.Select(v => v.AsOfDate.ToDateOnly()));
        Assert.Equal([KpiStatus.OffTrack, KpiStatus.OffTrack, KpiStatus.AtRisk, KpiStatus.OffTrack, KpiStatus.OffTrack], history.Values.Select(v => v.Status));

        // Lowering the target re-evaluates the latest value and announces it, the status dated by that value's day.
        var lowered = await kpis.UpdateKpiAsync(new UpdateKpiRequest { Kpi = new Kpi { Name = kpi.Name, Target = 0.5 }, UpdateMask = new FieldMask { Paths = { "target" } } },
            cancellationToken: Cancel);
        Assert.Equal((KpiStatus.OnTrack, DaysAgo(0)), (lowered.Status, lowered.StatusDate.ToDateOnly()));
        Assert.Equal($"wau was 1 on {DaysAgo(0):yyyy-MM-dd}: at or above the target 0.5.", lowered.StatusReason);
        await probe.WaitForAsync<KpiStatusChanged>(m => m.GetProperty("kpiId").GetString() == kpiId && m.GetProperty("status").GetString() == "on-track"
            && m.GetProperty("previousStatus").GetString() == "off-track" && m.GetProperty("target").GetDouble() == 0.5);

        // Three announcements in all: none for the history caught up, none for the unchanged duplicate.
        Assert.Equal(["on-track", "off-track", "on-track"],
            probe.All<KpiStatusChanged>().Where(m => m.GetProperty("kpiId").GetString() == kpiId).Select(m => m.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Values_of_another_product_or_metric_do_not_touch_a_kpi()
    {
        var (_, kpis, workspace, product) = await ArrangeAsync(DatabaseProvider.Sqlite);
        var kpi = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau(product) }, cancellationToken: Cancel);
        var bus = hosts.Host(DatabaseProvider.Sqlite).Services.GetRequiredService<IBus>();
        var productId = Guid.Parse(product["products/".Length..]);
        await bus.Publish(new MetricValueChanged(productId, "mau", 5, DateTimeOffset.UtcNow) { WorkspaceId = workspace }, Cancel);
        await bus.Publish(new MetricValueChanged(Guid.NewGuid(), "wau", 5, DateTimeOffset.UtcNow) { WorkspaceId = workspace }, Cancel);
        await bus.Publish(new MetricValueChanged(productId, "wau", 5, DateTimeOffset.UtcNow) { WorkspaceId = Guid.NewGuid() }, Cancel);
        var marker = new MetricValueChanged(productId, "wau", 1200, DateTimeOffset.UtcNow) { WorkspaceId = workspace };
        await bus.Publish(marker, Cancel);
        await Eventually(async () => (await kpis.GetKpiAsync(new GetKpiRequest { Name = kpi.Name }, cancellationToken: Cancel)).HasLatestValue);
        var values = await kpis.ListKpiValuesAsync(new ListKpiValuesRequest { Parent = kpi.Name }, cancellationToken: Cancel);
        Assert.Equal(1200d, Assert.Single(values.Values).Value);
    }

    [Fact]
    public async Task A_kpi_or_key_result_bound_to_a_metric_that_already_reported_starts_from_its_value()
    {
        var (_, kpis, workspace, product) = await ArrangeAsync(DatabaseProvider.Sqlite);
        var productId = Guid.Parse(product["products/".Length..]);
        var bus = hosts.Host(DatabaseProvider.Sqlite).Services.GetRequiredService<IBus>();
        var measured = DateTimeOffset.UtcNow.AddMinutes(-5);
        await bus.Publish(new MetricValueChanged(productId, "wau", 700, measured.AddMinutes(-1)) { WorkspaceId = workspace }, Cancel);
        await bus.Publish(new MetricValueChanged(productId, "wau", 950, measured) { WorkspaceId = workspace }, Cancel);
        // A value of a product strategy does not hold is not kept.
        await bus.Publish(new MetricValueChanged(Guid.NewGuid(), "wau", 5, measured) { WorkspaceId = workspace }, Cancel);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(DatabaseProvider.Sqlite), typeof(KpiStatusChanged));

        // Metrics reports changes only: a KPI created after the value arrived must not wait for the next change.
        Kpi kpi = null!;
        await Eventually(async () =>
        {
            var probeKpi = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Wau(product) }, cancellationToken: Cancel);
            if (probeKpi.HasLatestValue && probeKpi.LatestValue == 950) { kpi = probeKpi; return true; }
            await kpis.DeleteKpiAsync(new DeleteKpiRequest { Name = probeKpi.Name }, cancellationToken: Cancel);
            return false;
        });
        Assert.Equal(KpiStatus.AtRisk, kpi.Status);
        Assert.Equal(950d, Assert.Single((await kpis.ListKpiValuesAsync(new ListKpiValuesRequest { Parent = kpi.Name }, cancellationToken: Cancel)).Values).Value);
        var announced = await probe.WaitForAsync<KpiStatusChanged>(m => m.GetProperty("kpiId").GetString() == kpi.Name["kpis/".Length..]);
        Assert.Equal(("at-risk", "no-data"), (announced.GetProperty("status").GetString(), announced.GetProperty("previousStatus").GetString()));

        var goals = hosts.Goals(DatabaseProvider.Sqlite, workspace);
        var goal = await goals.CreateGoalAsync(new CreateGoalRequest
        {
            Goal = new Goal
            {
                Product = product, Title = "Grow", PeriodStart = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
                PeriodEnd = new Google.Type.Date { Year = 2026, Month = 12, Day = 31 },
            },
        }, cancellationToken: Cancel);
        var keyResult = await goals.CreateKeyResultAsync(new CreateKeyResultRequest
        {
            Parent = goal.Name, KeyResult = new KeyResult { Title = "1,000 weekly users", Baseline = 500, Target = 1000, MetricKey = "wau" },
        }, cancellationToken: Cancel);
        Assert.Equal(950d, keyResult.CurrentValue);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold within 30 s.");
            await Task.Delay(100, Cancel);
        }
    }
}
