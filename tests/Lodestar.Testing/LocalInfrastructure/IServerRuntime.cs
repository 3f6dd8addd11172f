namespace Lodestar.LocalInfrastructure;

/// <summary>How a server runs: a child process of ours, or a container.</summary>
public interface IServerRuntime : IAsyncDisposable
{
    /// <summary>Human-readable description for logs, e.g. "process 1234" or "container abc".</summary>
    string Description { get; }

    /// <summary>True while the server process is running.</summary>
    bool IsRunning { get; }

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops gracefully (SIGTERM), forcing after <paramref name="grace"/>.</summary>
    Task StopAsync(TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>Runs one of the server's own tools (e.g. rabbitmqctl) against it.</summary>
    Task<ToolResult> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken);

    /// <summary>The last lines the server wrote, for error messages.</summary>
    string LogTail();
}
