namespace Lodestar.Metrics.Infrastructure;

/// <summary>What one ingestion stored: events recorded now and events dropped as already known.</summary>
public readonly record struct IngestResult(int Accepted, int Duplicates);
