using System.Diagnostics;
using Grpc.Core;
using Discovery = Lodestar.Discovery.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// Discovery made slow (every chunk on its connection held 3 s) and then silent by the <see cref="ChaosProxy"/> between
/// the gateway and it: callers' deadlines hold, a call without one ends at the gateway's limit, the gateway keeps
/// serving the other services meanwhile (no thread-pool starvation), and discovery serves again once the fault ends.
/// </summary>
[Collection(FaultPlatform.Name)]
public sealed class SlowDependencyTests(FaultPlatformFixture fixture)
{
    private const string Admin = "slow-admin";
    private static readonly TimeSpan CallerDeadline = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deadlines_hold_and_other_services_stay_responsive_while_a_dependency_is_slow_or_silent_and_it_recovers_after()
    {
        var (workspace, _, product) = await fixture.NewProductAsync(Admin, "Slow");
        var list = new Discovery.ListPersonasRequest { Product = product.Name };
        var invoker = fixture.Invoker(Admin, workspace);
        var personas = new Discovery.PersonaService.PersonaServiceClient(invoker);
        var products = new Strategy.ProductService.ProductServiceClient(invoker);
        var link = fixture.DiscoveryLink;

        try
        {
            link.Slow(TimeSpan.FromSeconds(3));
            var slow = new CallRecorder();
            await Task.WhenAll(
                Task.WhenAll(Enumerable.Range(0, 64).Select(_ => slow.CallAsync("ListPersonas", async () => await personas.ListPersonasAsync(list, deadline: DateTime.UtcNow + CallerDeadline)))),
                OtherServiceAsync(products, product.Name, slow));
            TestContext.Current.SendDiagnosticMessage($"slow: {slow.Summary()}");
            AssertEnded(slow, "ListPersonas", CallerDeadline);

            // Silent, and the caller sets no deadline: the gateway's own limit ends the call.
            link.Stall();
            var silent = new CallRecorder();
            await Task.WhenAll(
                Task.WhenAll(Enumerable.Range(0, 8).Select(_ => silent.CallAsync("ListPersonas", async () => await personas.ListPersonasAsync(list)))),
                OtherServiceAsync(products, product.Name, silent));
            TestContext.Current.SendDiagnosticMessage($"silent: {silent.Summary()}");
            AssertEnded(silent, "ListPersonas", FaultPlatformFixture.GatewayUnaryLimit);
            Assert.All(silent.Outcomes.Where(o => o.Rpc == "ListPersonas"), o => Assert.True(o.Elapsed > FaultPlatformFixture.GatewayUnaryLimit - Slack, $"ended after {o.Elapsed.TotalSeconds:0.0} s, before the gateway's limit"));
        }
        finally
        {
            link.Heal();
        }

        var healed = Stopwatch.StartNew();
        var recovered = new CallRecorder();
        while (await recovered.CallAsync("ListPersonas", async () => await personas.ListPersonasAsync(list, deadline: DateTime.UtcNow + TimeSpan.FromSeconds(5))) != StatusCode.OK)
        {
            Assert.True(healed.Elapsed < TimeSpan.FromSeconds(60), $"discovery still refused a minute after the fault ended: {recovered.Summary()}");
            await Task.Delay(250, Cancel);
        }
        var firstSuccess = healed.Elapsed;
        for (var i = 0; i < 20; i++)
            Assert.Equal(StatusCode.OK, await recovered.CallAsync("ListPersonas", async () => await personas.ListPersonasAsync(list, deadline: DateTime.UtcNow + TimeSpan.FromSeconds(5))));
        TestContext.Current.SendDiagnosticMessage($"discovery served again {firstSuccess.TotalSeconds:0.0} s after the fault ended: {recovered.Summary()}");
    }

    /// <summary>Strategy through the same gateway while discovery hangs: 8 callers × 25 reads, each within a 2 s deadline.</summary>
    private static Task OtherServiceAsync(Strategy.ProductService.ProductServiceClient products, string product, CallRecorder calls) =>
        Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 25; i++)
                await calls.CallAsync("GetProduct", async () => await products.GetProductAsync(new Strategy.GetProductRequest { Name = product }, deadline: DateTime.UtcNow + TimeSpan.FromSeconds(2)));
        }));

    /// <summary>Every call to the faulty service ended by <paramref name="limit"/> (plus slack) with a defined status; every other call succeeded.</summary>
    private static void AssertEnded(CallRecorder calls, string faulty, TimeSpan limit)
    {
        Assert.All(calls.Outcomes.Where(o => o.Rpc == faulty), o =>
        {
            Assert.True(o.Status is StatusCode.DeadlineExceeded or StatusCode.Unavailable, $"{o.Rpc}: {o.Status} {o.Detail}");
            Assert.True(o.Elapsed < limit + Slack, $"{o.Rpc} ended after {o.Elapsed.TotalSeconds:0.0} s");
        });
        Assert.All(calls.Outcomes.Where(o => o.Rpc != faulty), o => Assert.True(o.Status == StatusCode.OK, $"{o.Rpc}: {o.Status} {o.Detail}"));
    }
}
