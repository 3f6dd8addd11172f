using System.Runtime.InteropServices;

namespace Lodestar.AppHost;

/// <summary>Completes on Ctrl+C or SIGTERM, so the app host stops its children instead of orphaning them.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _sigterm;
    private readonly PosixSignalRegistration _sigint;

    public ShutdownSignal()
    {
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
    }

    public CancellationToken Token => _source.Token;

    public Task WaitAsync() => Task.Delay(Timeout.Infinite, _source.Token).ContinueWith(_ => { }, TaskScheduler.Default);

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        _sigterm.Dispose();
        _sigint.Dispose();
        _source.Dispose();
    }
}
