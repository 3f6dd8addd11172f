namespace Lodestar.Gateway.Benchmarks;

/// <summary>Calls per round, concurrent callers, and rounds per path.</summary>
public sealed record OverheadOptions(int Calls, int Concurrency, int Rounds);
