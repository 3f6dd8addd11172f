using Grpc.Core;

namespace EndToEnd.Tests.Security;

/// <summary>
/// What a workspace holds, as its owner lists it: every List RPC the tour made, replayed. Read until two readings agree,
/// so effects still travelling between services (events of an earlier accepted call) settle first.
/// </summary>
public sealed class StateFingerprint(DynamicRpc rpc, IReadOnlyList<RecordedCall> recorded)
{
    /// <summary>Lists a background loop recomputes from events (metric values, and the KPI values they feed) drift on their own.</summary>
    private static readonly string[] Derived = ["lodestar.metrics.v1.MetricValueService/", "lodestar.strategy.v1.KpiService/ListKpiValues"];

    private readonly IReadOnlyList<RecordedCall> _lists =
        recorded.Where(r => r.Rpc.Split('/')[1].StartsWith("List", StringComparison.Ordinal) && !Derived.Any(d => r.Rpc.StartsWith(d, StringComparison.Ordinal)))
            .DistinctBy(r => r.Rpc + r.Request).ToList();

    /// <summary>The first list that differs between two readings, for the failure message.</summary>
    public static string Difference(string before, string after)
    {
        var (a, b) = (before.Split('\n'), after.Split('\n'));
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return $"before: {Clip(a[i])}; after: {Clip(b[i])}";
        return "a different number of lists";
    }

    private static string Clip(string text) => text.Length > 600 ? text[..600] + "…" : text;

    private string? _lastSettled;

    /// <summary>The state as last settled; read again only after <see cref="Invalidate"/> says it may have changed.</summary>
    public async Task<string> CurrentAsync() => _lastSettled ?? await SettledAsync();

    /// <summary>An accepted write changed the state: the next <see cref="CurrentAsync"/> reads it again.</summary>
    public void Invalidate() => _lastSettled = null;

    public async Task<string> SettledAsync() => _lastSettled = await ReadSettledAsync();

    private async Task<string> ReadSettledAsync()
    {
        var previous = await ReadAsync();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            var current = await ReadAsync();
            if (current == previous) return current;
            previous = current;
        }
        return previous;
    }

    private async Task<string> ReadAsync()
    {
        var readings = new List<string>();
        foreach (var call in _lists)
        {
            var outcome = await rpc.CallAsync(call.Method, call.Message, call.Caller);
            readings.Add(outcome.Code == StatusCode.OK ? outcome.ResponseJson : outcome.Code.ToString());
        }
        return string.Join('\n', readings);
    }
}
