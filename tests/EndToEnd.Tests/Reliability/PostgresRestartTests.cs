using System.Diagnostics;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.AppHost.Seeding;
using Lodestar.ServiceDefaults;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped for 10 s and started again under steady reads and writes through the gateway: calls made while
/// it is away end with UNAVAILABLE well inside their deadline, and the platform serves again on its own, without a
/// process restart: the first call to a process whose pooled connections all died with the restart included.
/// </summary>
[Collection(FaultPlatform.Name)]
public sealed class PostgresRestartTests(FaultPlatformFixture fixture)
{
    private const string Admin = "postgres-admin";
    private const int Workers = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_fail_fast_with_unavailable_while_PostgreSQL_restarts_and_recover_on_their_own()
    {
        var (workspace, api, home) = await fixture.NewProductAsync(Admin, "Home");
        var processesBefore = fixture.Services.ToDictionary(s => s.Name, s => s.ProcessId);

        var load = new SteadyLoad(fixture.Invoker(Admin, workspace), home.Name, Deadline);
        using var stopLoad = new CancellationTokenSource();
        var workers = Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => load.RunAsync(stopLoad.Token)));
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);

        var postgres = fixture.Resource("postgres");
        var clock = Stopwatch.StartNew();
        load.Calls.Phase = FaultPhase.During;
        TimeSpan stopped, started;
        try
        {
            await postgres.StopAsync(Cancel);
            stopped = clock.Elapsed;
            await Task.Delay(Outage, Cancel);
        }
        finally
        {
            if (!postgres.IsRunning) await postgres.StartAsync(CancellationToken.None);
            started = clock.Elapsed;
            load.Calls.Phase = FaultPhase.After;
        }
        var startedAt = load.Calls.Now;
        await AssertFirstCallsServedAsync(api, home.Name);
        await Task.Delay(Settle, Cancel);
        await stopLoad.CancelAsync();
        await workers;

        var outcomes = load.Calls.Outcomes.ToList();
        var firstSuccess = outcomes.Where(o => o.Phase == FaultPhase.After && o.Status == StatusCode.OK).Select(o => o.StartedAt).DefaultIfEmpty(TimeSpan.MaxValue).Min() - startedAt;
        TestContext.Current.SendDiagnosticMessage(
            $"PostgreSQL stop took {stopped.TotalSeconds:0.0} s, down until {started.TotalSeconds:0.0} s; first success {firstSuccess.TotalSeconds:0.0} s after start. {load.Calls.Summary()}");

        Assert.Contains(outcomes, o => o.Phase == FaultPhase.During && o.Status == StatusCode.Unavailable);
        var wrong = outcomes.Where(o => o.Status is not (StatusCode.OK or StatusCode.Unavailable)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} calls ended otherwise than OK or UNAVAILABLE: {load.Calls.Summary()}");
        // Fail fast: nobody waits for the deadline to learn that the database is away.
        Assert.All(outcomes.Where(o => o.Status == StatusCode.Unavailable), o => Assert.True(o.Elapsed < Deadline, $"{o.Rpc} took {o.Elapsed.TotalMilliseconds:0} ms to fail"));
        // Recovered on their own: the last third of the settling time has no failure at all.
        var tail = outcomes.Where(o => o.StartedAt > startedAt + Settle * 2 / 3).ToList();
        Assert.NotEmpty(tail);
        Assert.All(tail, o => Assert.True(o.Status == StatusCode.OK, $"{o.Rpc} still fails {(o.StartedAt - startedAt).TotalSeconds:0.0} s after PostgreSQL started: {o.Status} {o.Detail}"));
        Assert.Equal(processesBefore, fixture.Services.ToDictionary(s => s.Name, s => s.ProcessId));

        var goals = await fixture.Databases.CountAsync(LodestarResources.Strategy, "goals", workspace);
        Assert.InRange(goals, load.GoalsCreated, load.GoalsAttempted);
    }

    /// <summary>
    /// The first call to each process the load left idle (discovery, metrics, the gateway's own database) succeeds at its
    /// first attempt once PostgreSQL is back, although every connection those processes pooled died with the restart.
    /// </summary>
    private async Task AssertFirstCallsServedAsync(LodestarClients api, string product)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await api.Personas.ListPersonasAsync(new Discovery.ListPersonasRequest { Product = product }, deadline: DateTime.UtcNow + Deadline);
        await api.Activity.GetActivityAsync(new Metrics.GetActivityRequest { Product = product, StartDate = today.ToProto(), EndDate = today.ToProto() }, deadline: DateTime.UtcNow + Deadline);
        await fixture.NewWorkspaceAsync(Admin);
    }
}
