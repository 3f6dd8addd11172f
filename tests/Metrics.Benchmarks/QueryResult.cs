using Lodestar.Benchmarking;

namespace Lodestar.Metrics.Benchmarks;

/// <summary>A query's latency over gRPC, whether it matched the in-memory computation, and that computation's time.</summary>
public sealed record QueryResult(string Query, Measurement Latency, bool Exact, double InMemoryMs);
