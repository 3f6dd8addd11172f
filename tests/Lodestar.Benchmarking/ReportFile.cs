namespace Lodestar.Benchmarking;

/// <summary>docs/benchmarks.md: each harness owns one section between its markers and leaves the others alone.</summary>
public static class ReportFile
{
    public static string DefaultPath => Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");

    public static void WriteSection(string path, string key, string body)
    {
        var (start, end) = ($"<!-- {key}:start -->", $"<!-- {key}:end -->");
        var section = $"{start}\n{body.TrimEnd()}\n{end}";
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures measured on this repository's machines; each section says how to reproduce it.\n";
        var from = existing.IndexOf(start, StringComparison.Ordinal);
        var to = existing.IndexOf(end, StringComparison.Ordinal);
        File.WriteAllText(path, from >= 0 && to > from
            ? existing[..from] + section + existing[(to + end.Length)..]
            : existing.TrimEnd() + "\n\n" + section + "\n");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        return Directory.GetCurrentDirectory();
    }
}
