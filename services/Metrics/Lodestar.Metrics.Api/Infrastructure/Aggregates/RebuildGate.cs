using System.Collections.Concurrent;

namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>One rebuild of a product's aggregates at a time in this process; concurrent queries wait for it.</summary>
public sealed class RebuildGate
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    public async Task<IDisposable> EnterAsync(Guid product, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(product, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
