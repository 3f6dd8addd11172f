using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// The baseline process: an ASP.NET Core host with what every service has before its own code (Kestrel on an HTTP
/// port and an h2c gRPC port, gRPC registered, a /health endpoint), run by the harness itself with --empty-host.
/// </summary>
public static class EmptyHost
{
    public const string Flag = "--empty-host";

    public static async Task RunAsync(int httpPort, int grpcPort)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(httpPort, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
            kestrel.ListenLocalhost(grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc();
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/health");
        await app.RunAsync();
    }

    /// <summary>Starts the baseline as `dotnet run` would, and waits until its /health answers.</summary>
    public static async Task<(DotnetRun Run, TimeSpan Healthy)> StartAsync(string root, int httpPort, int grpcPort)
    {
        var run = DotnetRun.Start(root, "tests/Platform.Benchmarks", [Flag, "--http", $"{httpPort}", "--grpc", $"{grpcPort}"], new Dictionary<string, string>(), Flag);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (run.HasExited) break;
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health"));
                if (response.IsSuccessStatusCode) return (run, run.Clock.Elapsed);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        var log = run.LogTail();
        await run.DisposeAsync();
        throw new InvalidOperationException($"The empty host did not answer /health:\n{log}");
    }
}
