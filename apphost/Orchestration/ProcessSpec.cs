namespace Lodestar.AppHost.Orchestration;

/// <summary>
/// What to run and how to know it is up: a command with its environment, and the URL that answers once the process
/// serves (its <c>/alive</c>); none means "up once started".
/// </summary>
public sealed record ProcessSpec(string Name, string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, Uri? AliveUrl)
{
    /// <summary>How long a start may take before it counts as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The first restart's delay; each further one doubles it, up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan FirstRestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A process that ran this long before it exited starts its backoff over.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a stopping process has after SIGTERM before it is killed.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(15);
}
