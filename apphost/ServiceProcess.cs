using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost;

/// <summary>A Lodestar service run as a child process from its built assembly, its console prefixed with its name.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(string name, Process process, Uri http)
    {
        Name = name;
        _process = process;
        HttpAddress = http;
    }

    public string Name { get; }

    public Uri HttpAddress { get; }

    public static async Task<ServiceProcess> StartAsync(
        string name, string assembly, IReadOnlyDictionary<string, string> environment, Uri http, ILogger logger, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { assembly }, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine($"[{name}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = http, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with code {process.ExitCode} during start-up.");
            try
            {
                using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    logger.LogInformation("Started {Service} (process {Pid}) on {Address}", name, process.Id, http);
                    return new ServiceProcess(name, process, http);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(250, cancellationToken);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{name} did not answer on {http} within 90 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Ask politely first (the host flushes its outbox relay and closes the broker connection).
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
