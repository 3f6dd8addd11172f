using System.Net;
using System.Net.Sockets;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// A loopback TCP proxy put between the gateway and a service, which a test turns slow or silent (<see cref="ProxyFault"/>)
/// and back, so the platform meets a dependency that is alive but does not answer in time.
/// </summary>
public sealed class ChaosProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<int> _targetPort;
    private Task? _accepting;
    private volatile ProxyFault _fault;

    /// <param name="targetPort">The service's port, read at each connection: the proxy may start before the service has one.</param>
    public ChaosProxy(Func<int> targetPort) => _targetPort = targetPort;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ProxyFault Fault { get => _fault; private set => _fault = value; }

    /// <summary>How long each chunk waits under <see cref="ProxyFault.Delay"/>.</summary>
    public TimeSpan Delay { get; private set; }

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public void Slow(TimeSpan delay)
    {
        Delay = delay;
        Fault = ProxyFault.Delay;
    }

    public void Stall() => Fault = ProxyFault.Stall;

    public void Heal() => Fault = ProxyFault.None;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = CarryAsync(client);
        }
    }

    private async Task CarryAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort(), _stopping.Token);
            var inbound = PumpAsync(client.GetStream(), upstream.GetStream());
            var outbound = PumpAsync(upstream.GetStream(), client.GetStream());
            await Task.WhenAny(inbound, outbound);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away; the other side is closed with it.
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
            {
                // Polled rather than signalled: a stalled link only needs to notice the end of its fault within 50 ms.
                while (Fault == ProxyFault.Stall) await Task.Delay(50, _stopping.Token);
                if (Fault == ProxyFault.Delay) await Task.Delay(Delay, _stopping.Token);
                await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed by either side or by the proxy stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        if (_accepting is not null) await _accepting;
        _stopping.Dispose();
    }
}
