using Lodestar.Benchmarking;

namespace Lodestar.Backlog.Benchmarks;

/// <summary>
/// Both sides of the ranking benchmark (reads of the top; creates into one crowded spot of the large backlog and of a
/// small one) and how the data was set up.
/// </summary>
public sealed record RankingResult(HarnessOptions Options, Measurement Grpc, Measurement Linq, TimeSpan SeedTime, bool SameTop,
    Measurement CrowdedLarge, Measurement CrowdedSmall);
