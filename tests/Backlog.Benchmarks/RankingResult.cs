using Lodestar.Benchmarking;

namespace Lodestar.Backlog.Benchmarks;

/// <summary>Both sides of the ranking benchmark and how the data was set up.</summary>
public sealed record RankingResult(HarnessOptions Options, Measurement Grpc, Measurement Linq, TimeSpan SeedTime, bool SameTop);
