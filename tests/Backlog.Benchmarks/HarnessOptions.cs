using Lodestar.Benchmarking;

namespace Lodestar.Backlog.Benchmarks;

/// <summary>
/// Command-line options: --items N, --top N, --calls N (reads per round), --crowded N (creates into one spot per round),
/// --rounds N, --report path.
/// </summary>
public sealed record HarnessOptions(int Items, int Top, int Calls, int Crowded, int Rounds, string ReportPath)
{
    public static HarnessOptions Parse(string[] args)
    {
        var arguments = new Arguments(args);
        return new HarnessOptions(arguments.Number("--items", 100_000), arguments.Number("--top", 100), arguments.Number("--calls", 200),
            arguments.Number("--crowded", 500), arguments.Number("--rounds", 5), arguments.Text("--report", ReportFile.DefaultPath));
    }
}
