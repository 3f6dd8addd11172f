using Lodestar.Benchmarking;
using Lodestar.Persistence;

namespace Lodestar.Discovery.Benchmarks;

/// <summary>One provider's figures: batch rates (insights/s per batch) of both imports, and both searches.</summary>
public sealed record IngestResult(
    DatabaseProvider Provider,
    IReadOnlyList<double> GrpcBatchRates,
    IReadOnlyList<double> PlainBatchRates,
    Measurement Search,
    Measurement Scan,
    int SearchHits);
