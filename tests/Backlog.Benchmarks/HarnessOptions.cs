namespace Lodestar.Backlog.Benchmarks;

/// <summary>Command-line options: --items N, --top N, --calls N (per round), --rounds N, --report path.</summary>
public sealed record HarnessOptions(int Items, int Top, int Calls, int Rounds, string ReportPath)
{
    public static HarnessOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        return new HarnessOptions(
            int.Parse(Value("--items", "100000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--top", "100"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--calls", "200"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--rounds", "5"), System.Globalization.CultureInfo.InvariantCulture),
            Value("--report", Path.Combine(RepositoryRoot(), "docs", "benchmarks.md")));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        return Directory.GetCurrentDirectory();
    }
}
