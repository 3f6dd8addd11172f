using System.Diagnostics;
using System.Text.RegularExpressions;
using Lodestar.Testing;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// `dotnet run -c Release --no-build --project …` as a developer types it after a build: the CLI starts
/// the program as its child and waits on it. Output is kept (the last lines) for the error when the run fails.
/// </summary>
public sealed class DotnetRun : IAsyncDisposable
{
    private readonly Process _launcher;
    private readonly Queue<string> _lines = new();
    private readonly List<(string Line, TimeSpan At)> _all = [];
    private readonly string _marker;

    private DotnetRun(Process launcher, string marker)
    {
        _launcher = launcher;
        _marker = marker;
        launcher.OutputDataReceived += (_, e) => Keep(e.Data);
        launcher.ErrorDataReceived += (_, e) => Keep(e.Data);
        launcher.BeginOutputReadLine();
        launcher.BeginErrorReadLine();
    }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public int LauncherId => _launcher.Id;

    public bool HasExited => _launcher.HasExited;

    /// <param name="root">The repository, where the CLI runs.</param>
    /// <param name="project">The project's folder, from the repository.</param>
    /// <param name="arguments">The program's arguments.</param>
    /// <param name="environment">Added to the harness's own environment.</param>
    /// <param name="marker">Part of the program's command line, to tell it from the CLI's other children.</param>
    public static DotnetRun Start(string root, string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string marker)
    {
        var info = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--no-build", "--no-launch-profile", "--project", Path.Combine(root, project), "--", .. arguments])
        {
            WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        // No build servers left behind: they would count as the launcher's children and outlive the run.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return new DotnetRun(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."), marker);
    }

    /// <summary>The program the CLI started, once it runs.</summary>
    public int? ProgramId => ProcessTable.Descendants(_launcher.Id).Cast<int?>().FirstOrDefault(pid => ProcessTable.CommandLine(pid!.Value).Contains(_marker, StringComparison.Ordinal));

    /// <summary>The first line printed so far that matches <paramref name="pattern"/>, or null.</summary>
    public Match? Find(Regex pattern)
    {
        lock (_lines) return _all.Select(l => pattern.Match(l.Line)).FirstOrDefault(m => m.Success);
    }

    /// <summary>When the first line matching <paramref name="pattern"/> was printed, on <see cref="Clock"/>.</summary>
    public TimeSpan FoundAt(Regex pattern)
    {
        lock (_lines) return _all.First(l => pattern.IsMatch(l.Line)).At;
    }

    public string LogTail()
    {
        lock (_lines) return string.Join('\n', _lines);
    }

    /// <summary>SIGTERM to the program (it stops its children), then waits for the CLI; kills what is left after a minute.</summary>
    public async Task StopAsync()
    {
        if (_launcher.HasExited) return;
        var descendants = ProcessTable.Descendants(_launcher.Id);
        if (ProgramId is { } program)
        {
            using var kill = Process.Start("kill", ["-TERM", program.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _launcher.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            ProcessTable.Kill([_launcher.Id, .. descendants]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _launcher.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _all.Add((line, Clock.Elapsed));
            _lines.Enqueue(line);
            if (_lines.Count > 60) _lines.Dequeue();
        }
    }
}
