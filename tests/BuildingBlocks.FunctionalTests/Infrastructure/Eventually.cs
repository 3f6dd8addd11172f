using System.Diagnostics;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>Polls a condition of an asynchronous system until it holds or a generous bound passes.</summary>
public static class Eventually
{
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
