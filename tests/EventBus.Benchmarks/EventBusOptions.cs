namespace Lodestar.EventBus.Benchmarks;

/// <param name="Events">Changes (each raising one event) per round and path.</param>
/// <param name="Concurrency">Writers committing changes at once.</param>
/// <param name="Rounds">Alternating rounds per path, after a warm-up round of each.</param>
public sealed record EventBusOptions(int Events, int Concurrency, int Rounds);
