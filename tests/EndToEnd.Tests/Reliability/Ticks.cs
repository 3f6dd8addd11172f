namespace EndToEnd.Tests.Reliability;

/// <summary>A periodic timer's next tick, or false once the run is stopped: steady-rate loops end on it.</summary>
public static class Ticks
{
    public static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
