namespace Lodestar.Metrics.Benchmarks;

/// <summary>Events per ingestion round, distinct users they come from, rounds, and the query dataset's size.</summary>
public sealed record BenchmarkOptions(int Events, int Users, int Rounds, int QueryUsers, int QueryDays, int Queries);
