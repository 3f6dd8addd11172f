using DotNet.Testcontainers.Containers;

namespace Lodestar.LocalInfrastructure;

/// <summary>Runs a server as a container through Testcontainers; host ports are fixed so a restart keeps them.</summary>
public sealed class ContainerRuntime(IContainer container) : IServerRuntime
{
    private bool _running;

    public string Description => $"container {container.Name}";

    public bool IsRunning => _running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await container.StartAsync(cancellationToken);
        _running = true;
    }

    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await container.StopAsync(cancellationToken);
        _running = false;
    }

    public async Task<ToolResult> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await container.ExecAsync([tool, .. arguments], cancellationToken);
        return new ToolResult((int)(result.ExitCode ?? -1), result.Stdout + result.Stderr);
    }

    public string LogTail() => "";

    public ValueTask DisposeAsync() => container.DisposeAsync();
}
