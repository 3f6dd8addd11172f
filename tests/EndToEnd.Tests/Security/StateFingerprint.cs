using Grpc.Core;

namespace EndToEnd.Tests.Security;

/// <summary>
/// What a workspace holds, as its owner lists it: every List RPC the tour made, replayed. Read until two readings agree,
/// so effects still travelling between services (events of an earlier accepted call) settle first.
/// </summary>
public sealed class StateFingerprint(DynamicRpc rpc, IReadOnlyList<RecordedCall> recorded)
{
    private readonly IReadOnlyList<RecordedCall> _lists =
        recorded.Where(r => r.Rpc.Split('/')[1].StartsWith("List", StringComparison.Ordinal)).DistinctBy(r => r.Rpc + r.Request).ToList();

    public async Task<string> SettledAsync()
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
