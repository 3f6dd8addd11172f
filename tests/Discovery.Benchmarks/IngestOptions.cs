namespace Lodestar.Discovery.Benchmarks;

/// <summary>How many insights, in batches of what size, and how many timed searches per round.</summary>
public sealed record IngestOptions(int Insights, int Batch, int Searches, int Rounds);
