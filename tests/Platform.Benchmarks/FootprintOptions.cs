namespace Lodestar.Platform.Benchmarks;

/// <param name="Restarts">Starts on kept data after the first, fresh one.</param>
/// <param name="SettleSeconds">Wait after all services are healthy before idle memory is read.</param>
/// <param name="LoadSeconds">How long the load runs while peak memory is sampled.</param>
/// <param name="Callers">Concurrent GetProduct callers through the gateway.</param>
/// <param name="Streams">Concurrent StreamEvents ingestion streams through the gateway.</param>
public sealed record FootprintOptions(int Restarts, int SettleSeconds, int LoadSeconds, int Callers, int Streams);
