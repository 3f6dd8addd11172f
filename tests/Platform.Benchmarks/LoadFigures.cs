namespace Lodestar.Platform.Benchmarks;

/// <summary>What the load achieved while memory was sampled under it.</summary>
public sealed record LoadFigures(long Calls, long Events, long Errors, string? FirstError, TimeSpan Duration)
{
    public double CallsPerSecond => Calls / Duration.TotalSeconds;

    public double EventsPerSecond => Events / Duration.TotalSeconds;
}
