using System.Text;

namespace Lodestar.Benchmarking;

/// <summary>
/// docs/benchmarks.md: each harness owns one section between its markers and leaves the others alone; the summary
/// section at the top is rebuilt from every section's summary rows after each write.
/// </summary>
public static class ReportFile
{
    private const string SummaryKey = "summary";
    private const string Header = "# Benchmarks\n\nFigures measured on this repository's machines by `bash scripts/benchmarks`; each section says how to reproduce it.\n";

    public static string DefaultPath => Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");

    public static void WriteSection(string path, string key, string body, IEnumerable<SummaryRow>? summary = null)
    {
        var rows = summary?.Select(r => r.ToComment()).ToList() ?? [];
        var text = Replace(File.Exists(path) ? File.ReadAllText(path) : Header, key, body.TrimEnd() + (rows.Count > 0 ? "\n\n" + string.Join('\n', rows) : ""));
        File.WriteAllText(path, Replace(text, SummaryKey, Summary(text), first: true));
    }

    private static string Summary(string text)
    {
        var table = new StringBuilder();
        table.AppendLine("## Summary");
        table.AppendLine();
        table.AppendLine("Each figure is the median over repeated rounds, with its spread, next to a baseline measured in the same run on the same machine; the sections below say how.");
        table.AppendLine();
        table.AppendLine("| figure | Lodestar (median) | spread | baseline (same run) | ratio | aim | met |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var line in text.Split('\n').Where(SummaryRow.IsComment)) table.AppendLine(SummaryRow.TableRowOf(line));
        return table.ToString();
    }

    private static string Replace(string existing, string key, string body, bool first = false)
    {
        var (start, end) = ($"<!-- {key}:start -->", $"<!-- {key}:end -->");
        var section = $"{start}\n{body.TrimEnd()}\n{end}";
        var from = existing.IndexOf(start, StringComparison.Ordinal);
        var to = existing.IndexOf(end, StringComparison.Ordinal);
        if (from >= 0 && to > from) return existing[..from] + section + existing[(to + end.Length)..];
        var firstSection = existing.IndexOf("<!-- ", StringComparison.Ordinal);
        return first && firstSection >= 0
            ? existing[..firstSection] + section + "\n\n" + existing[firstSection..]
            : existing.TrimEnd() + "\n\n" + section + "\n";
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        return Directory.GetCurrentDirectory();
    }
}
