using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Lodestar.LocalInfrastructure;

/// <summary>
/// Finds a free TCP port on the loopback interface for a server to listen on. Ports come from below the kernel's
/// ephemeral range, so an outgoing connection (which takes an ephemeral port) cannot grab one between the check and the
/// server's bind, and a port is never handed out twice by one process.
/// </summary>
public static class FreePort
{
    private const int Lowest = 20_000;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        var ceiling = EphemeralRangeStart() - 1;
        for (var attempt = 0; ceiling > Lowest && attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Lowest, ceiling + 1);
            if (HandedOut.TryAdd(port, true) && IsFree(port)) return port;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var fallback = ((IPEndPoint)listener.LocalEndpoint).Port;
        HandedOut.TryAdd(fallback, true);
        return fallback;
    }

    /// <summary>Whether nothing listens on <paramref name="port"/> on the loopback interface now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux), or the IANA default elsewhere.</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        try
        {
            if (File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start))
                return start;
        }
        catch (IOException)
        {
            // Unreadable: use the default below.
        }
        return 49_152;
    }
}
