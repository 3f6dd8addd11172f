using Google.Rpc;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Strategy.FunctionalTests.Infrastructure;
using Date = Google.Type.Date;

namespace Strategy.FunctionalTests.Kpis;

/// <summary>
/// KPIs and key results bind only to metrics the product has: the built-in ones and its own (funnel conversions) as the
/// metrics service lists them in MetricCatalogChanged. An unknown key would otherwise stay NO_DATA for ever.
/// </summary>
public sealed class MetricCatalogTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Kpi Kpi(string product, string key) => new()
    {
        Product = product, DisplayName = $"KPI on {key}", MetricKey = key, Direction = KpiDirection.Up, Target = 0.5, AtRiskBand = 0.1,
    };

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Unknown_metric_keys_are_refused_naming_the_keys_the_product_has_and_nothing_is_created(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var (kpis, goals) = (hosts.Kpis(provider, workspace), hosts.Goals(provider, workspace));
        var product = await hosts.NewProductAsync(provider, workspace);

        var call = kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Kpi(product, "churn.monthly") }, cancellationToken: Cancel);
        await Rpc.InvalidAsync(call, "kpi.metric_key");
        var error = await Assert.ThrowsAsync<RpcException>(() => kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Kpi(product, "signups") }, cancellationToken: Cancel).ResponseAsync);
        var description = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Description;
        Assert.Contains("'signups' is not a metric of this product", description);
        Assert.Contains("dau, wau, mau, stickiness, retention_d1, retention_d7, retention_d30, nps, csat", description);
        Assert.Empty((await kpis.ListKpisAsync(new ListKpisRequest { Product = product }, cancellationToken: Cancel)).Kpis);

        var goal = await goals.CreateGoalAsync(new CreateGoalRequest { Goal = new Goal
        {
            Product = product, Title = "Activation", Owner = "Ada",
            PeriodStart = new Date { Year = 2027, Month = 1, Day = 1 }, PeriodEnd = new Date { Year = 2027, Month = 3, Day = 31 },
        } }, cancellationToken: Cancel);
        await Rpc.InvalidAsync(goals.CreateKeyResultAsync(new CreateKeyResultRequest
        {
            Parent = goal.Name, KeyResult = new KeyResult { Title = "Activation at 40 %", Baseline = 0.2, Target = 0.4, MetricKey = "activation.rate" },
        }, cancellationToken: Cancel), "key_result.metric_key");
        Assert.Empty((await goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel)).KeyResults);

        foreach (var key in new[] { "dau", "retention_d30", "csat" })
            Assert.Equal(key, (await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Kpi(product, key) }, cancellationToken: Cancel)).MetricKey);
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task A_products_own_metrics_follow_the_latest_catalog_the_metrics_service_published(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var kpis = hosts.Kpis(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product["products/".Length..]);
        var bus = hosts.Host(provider).Services.GetRequiredService<IBus>();
        string Funnel() => $"conversion:{Guid.NewGuid():D}";
        var (activation, checkout, onboarding) = (Funnel(), Funnel(), Funnel());

        async Task PublishAsync(long revision, params (string Key, string Name)[] metrics)
        {
            var message = new MetricCatalogChanged(productId, revision, [.. metrics.Select(m => new CatalogMetric(m.Key, m.Name))]) { WorkspaceId = workspace };
            await bus.Publish(message, c => c.MessageId = message.EventId, Cancel);
        }

        async Task<bool> AcceptedAsync(string key)
        {
            try
            {
                var kpi = await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Kpi(product, key) }, cancellationToken: Cancel);
                await kpis.DeleteKpiAsync(new DeleteKpiRequest { Name = kpi.Name }, cancellationToken: Cancel);
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                return false;
            }
        }

        Assert.False(await AcceptedAsync(activation));
        await PublishAsync(5, (activation, "Activation"), (checkout, "Checkout"));
        await Eventually.ReachesAsync(() => AcceptedAsync(activation), accepted => accepted, TimeSpan.FromSeconds(30), "the first catalog");
        Assert.True(await AcceptedAsync(checkout));
        var error = await Assert.ThrowsAsync<RpcException>(() => kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Kpi(product, "signups") }, cancellationToken: Cancel).ResponseAsync);
        Assert.Contains($"its own: {activation} (Activation), {checkout} (Checkout)", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Description);

        // The next catalog replaces the list (a deleted funnel is refused again); an older one arriving late never wins.
        await PublishAsync(6, (activation, "Activation, renamed"), (onboarding, "Onboarding"));
        await Eventually.ReachesAsync(() => AcceptedAsync(onboarding), accepted => accepted, TimeSpan.FromSeconds(30), "the newer catalog");
        Assert.False(await AcceptedAsync(checkout));
        await PublishAsync(4, (checkout, "Checkout"));
        var (otherProduct, marker) = (await hosts.NewProductAsync(provider, workspace, "Beacon"), Funnel());
        var markerMessage = new MetricCatalogChanged(Guid.Parse(otherProduct["products/".Length..]), 1, [new CatalogMetric(marker, "Marker")]) { WorkspaceId = workspace };
        await bus.Publish(markerMessage, Cancel);
        await Eventually.ReachesAsync(async () =>
        {
            try { return (await kpis.CreateKpiAsync(new CreateKpiRequest { Kpi = Kpi(otherProduct, marker) }, cancellationToken: Cancel)).Name; }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument) { return ""; }
        }, name => name.Length > 0, TimeSpan.FromSeconds(30), "the marker catalog");
        Assert.False(await AcceptedAsync(checkout));
        Assert.True(await AcceptedAsync(activation));
        Assert.True(await AcceptedAsync(onboarding));
    }
}
