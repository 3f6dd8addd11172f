using System.Diagnostics;

namespace Charts.Tests.Infrastructure;

/// <summary>The outcome of a command: exit code and both outputs.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in the repository root, within two minutes,
    /// writing <paramref name="input"/> to its standard input.
    /// </summary>
    public static async Task<ToolRun> StartAsync(string file, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun(process.ExitCode, await output, await error);
    }

    public ToolRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}{Output}");
        return this;
    }
}
