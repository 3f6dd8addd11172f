using Grpc.Core;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// The API's contract for ABORTED (a concurrent writer changed what the call read): read again and retry. Concurrent
/// creates in one backlog can meet while re-spacing rank keys; a client retries them as this does, with exponential
/// backoff and full jitter so writers that met once spread out instead of meeting again (five fixed short waits ran out
/// under the soak's ten workers on a loaded CI machine).
/// </summary>
public static class Aborted
{
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, int attempts = 8)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted && attempt < attempts)
            {
                await Task.Delay(Random.Shared.Next(0, Math.Min(1000, 20 << attempt)), TestContext.Current.CancellationToken);
            }
        }
    }
}
