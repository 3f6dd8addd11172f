namespace Lodestar.Platform.Benchmarks;

/// <summary>Everything the footprint run measured, and the empty host's figures from the same run.</summary>
public sealed record FootprintResult(
    FootprintOptions Options,
    StartTimes Platform,
    double InfrastructureSeconds,
    MemorySamples Idle,
    MemorySamples Loaded,
    LoadFigures Load,
    StartTimes EmptyHost,
    MemorySamples EmptyHostIdle);
