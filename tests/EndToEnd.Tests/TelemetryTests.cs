using Backlog = Lodestar.Backlog.V1;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests;

/// <summary>With an OTLP endpoint configured, every process of the platform exports its traces, metrics and logs there.</summary>
[Collection(SharedPlatform.Name)]
public sealed class TelemetryTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Every_process_exports_traces_metrics_and_logs_to_the_configured_collector()
    {
        // A call to each service through the gateway, so each has requests to trace (an error is traced too).
        var workspace = await fixture.NewWorkspaceAsync("telemetry");
        var api = fixture.Clients("telemetry", workspace);
        var cancel = TestContext.Current.CancellationToken;
        var product = "products/" + Guid.NewGuid();
        await api.Products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: cancel);
        await api.Items.ListBacklogItemsAsync(new Backlog.ListBacklogItemsRequest(), cancellationToken: cancel);
        await api.Personas.ListPersonasAsync(new Discovery.ListPersonasRequest(), cancellationToken: cancel);
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => api.MetricValues.ListMetricValuesAsync(new Metrics.ListMetricValuesRequest { Parent = product }, cancellationToken: cancel).ResponseAsync);

        string[] signals = ["traces", "metrics", "logs"];
        var missing = await Eventually.GetAsync(
            () => Task.FromResult(PlatformFixture.ServiceNames.SelectMany(s => signals.Where(signal => fixture.Telemetry.Count(signal, s) == 0).Select(signal => $"{s} {signal}")).ToList()),
            m => m.Count == 0, seconds: 60);
        Assert.Empty(missing);
    }
}
