using System.Diagnostics;
using Grpc.Core;
using Xunit;

namespace Lodestar.Testing;

/// <summary>Waits for an eventually consistent effect (of an integration event, a relay…), by its exact expected state.</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="seconds"/> pass, then returns the last read; NOT_FOUND counts as not yet.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value) || DateTime.UtcNow > deadline) return value;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                // Not there yet.
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds; a timeout fails naming <paramref name="what"/>.</summary>
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var last = await probe();
        while (!done(last))
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"{what} not reached in {timeout.TotalSeconds:0} s; last value: {last}");
            await Task.Delay(250);
            last = await probe();
        }
        return last;
    }
}
