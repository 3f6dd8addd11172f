using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace EndToEnd.Tests.Reliability;

/// <summary>Times calls against one clock and records each <see cref="CallOutcome"/> under the phase the test is in.</summary>
public sealed class CallRecorder
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile FaultPhase _phase;

    public ConcurrentQueue<CallOutcome> Outcomes { get; } = new();

    public FaultPhase Phase { get => _phase; set => _phase = value; }

    /// <summary>Time since the recorder was made, the clock <see cref="CallOutcome.StartedAt"/> is read on.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Runs <paramref name="call"/> and records how it ended, which it returns.</summary>
    public async Task<StatusCode> CallAsync(string rpc, Func<Task> call)
    {
        var phase = Phase;
        var started = _clock.Elapsed;
        try
        {
            await call();
            Outcomes.Enqueue(new CallOutcome(rpc, phase, StatusCode.OK, _clock.Elapsed - started, started, ""));
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            Outcomes.Enqueue(new CallOutcome(rpc, phase, ex.StatusCode, _clock.Elapsed - started, started, ex.Status.Detail));
            return ex.StatusCode;
        }
    }

    /// <summary>Failures by status with an example each, for a test's message.</summary>
    public string Summary() => string.Join("; ", Outcomes.GroupBy(o => o.Status)
        .Select(g => $"{g.Key} ×{g.Count()} (max {g.Max(o => o.Elapsed).TotalMilliseconds:0} ms{(g.Key == StatusCode.OK ? "" : $", e.g. {g.First().Rpc}: {g.First().Detail}")})"));
}
