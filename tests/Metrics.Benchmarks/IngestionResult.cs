using Lodestar.Persistence;

namespace Lodestar.Metrics.Benchmarks;

/// <summary>Events per second of each round: over the client stream, and the same storage work done directly.</summary>
public sealed record IngestionResult(DatabaseProvider Provider, IReadOnlyList<double> StreamRates, IReadOnlyList<double> BaselineRates);
