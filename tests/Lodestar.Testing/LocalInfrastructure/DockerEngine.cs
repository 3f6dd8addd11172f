using System.Net.Sockets;

namespace Lodestar.LocalInfrastructure;

/// <summary>Whether a Docker engine answers: the client alone is not enough for containers.</summary>
public static class DockerEngine
{
    public static async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) && !host.StartsWith("unix://", StringComparison.Ordinal))
            return true; // A remote engine: let Testcontainers find out.
        var socket = string.IsNullOrEmpty(host) ? "/var/run/docker.sock" : host["unix://".Length..];
        if (!File.Exists(socket)) return false;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), token);
                return new NetworkStream(s, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri("http://docker/_ping"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException)
        {
            return false;
        }
    }
}
