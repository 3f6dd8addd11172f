using Grpc.Core;
using Xunit;

namespace Lodestar.Testing;

/// <summary>Waits for an eventually consistent effect of an integration event, by its exact expected state.</summary>
public static class Eventually
{
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
}
