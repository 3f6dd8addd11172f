using System.Diagnostics;
using BuildingBlocks.NotesService;
using Lodestar.LocalInfrastructure;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>The notes service as a real operating-system process, which a test can kill with SIGKILL.</summary>
public sealed class NotesProcess : IAsyncDisposable
{
    private static readonly Lock LogLock = new();
    private readonly Process _process;

    private NotesProcess(Process process, int grpcPort)
    {
        _process = process;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public Uri GrpcAddress { get; }

    public static async Task<NotesProcess> StartAsync(string dataPath, string eventBus)
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var (process, log) = Launch(dataPath, httpPort, grpcPort, new Dictionary<string, string> { ["ConnectionStrings__eventbus"] = eventBus });

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The notes service exited with {process.ExitCode}: {File.ReadAllText(log)}");
            try
            {
                // Healthy means migrated, listening, and connected to the broker with its queues bound.
                using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health"));
                if (health.IsSuccessStatusCode && await health.Content.ReadAsStringAsync() == "Healthy") break;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The notes service did not become healthy within 60 s.");
            }
            await Task.Delay(200);
        }
        return new NotesProcess(process, grpcPort);
    }

    /// <summary>Runs the service with extra environment until it exits by itself (e.g. Database__MigrateOnly=true).</summary>
    public static async Task<int> RunToExitAsync(string dataPath, IDictionary<string, string> environment, TimeSpan timeout)
    {
        var (process, log) = Launch(dataPath, FreePort.Next(), FreePort.Next(), environment);
        using var owned = process;
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The notes service did not exit within {timeout}: {File.ReadAllText(log)}");
        }
        return process.ExitCode;
    }

    private static (Process Process, string Log) Launch(string dataPath, int httpPort, int grpcPort, IDictionary<string, string> environment)
    {
        var executable = typeof(NotesDbContext).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { executable }, UseShellExecute = false, WorkingDirectory = dataPath };
        info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.Environment["DOTNET_ENVIRONMENT"] = info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{httpPort}";
        info.Environment["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpcPort}";
        info.Environment["Lodestar__DataPath"] = dataPath;
        info.Environment["Authentication__Jwt__SigningKey"] = ServiceHost.SigningKey;
        info.Environment["Messaging__Outbox__PollInterval"] = "00:00:00.500";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the notes service.");
        var log = Path.Combine(dataPath, $"process-{process.Id}.log");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, whatever was in flight is cut.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    private static void Append(string log, string? line)
    {
        if (line is null) return;
        lock (LogLock) File.AppendAllText(log, line + Environment.NewLine);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
