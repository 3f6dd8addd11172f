using System.Diagnostics;

namespace Lodestar.LocalInfrastructure;

/// <summary>A real server on a loopback port, which can be stopped and started again on the same port and data.</summary>
public abstract class LocalServer(string name, int port, IServerRuntime runtime) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public string Name { get; } = name;

    public int Port { get; } = port;

    protected IServerRuntime Runtime { get; } = runtime;

    /// <summary>Connection string in the form the platform's configuration expects (ConnectionStrings__…).</summary>
    public abstract string ConnectionString { get; }

    public bool IsRunning => Runtime.IsRunning;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Runtime.StartAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Runtime.IsRunning)
                throw new InvalidOperationException($"{Name} exited during start-up:\n{Runtime.LogTail()}");
            try
            {
                await ProbeAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"{Name} did not answer on port {Port} within {StartTimeout.TotalSeconds:0} s: {last?.Message}\n{Runtime.LogTail()}");
    }

    public virtual Task StopAsync(CancellationToken cancellationToken = default) =>
        Runtime.StopAsync(TimeSpan.FromSeconds(20), cancellationToken);

    /// <summary>Succeeds once the server accepts real protocol requests, not merely TCP connections.</summary>
    protected abstract Task ProbeAsync(CancellationToken cancellationToken);

    public virtual async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public override string ToString() => $"{Name} on 127.0.0.1:{Port} ({Runtime.Description})";
}
