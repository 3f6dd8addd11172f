using System.Globalization;

namespace Lodestar.Benchmarking;

/// <summary>
/// One figure in the summary table at the top of docs/benchmarks.md: Lodestar's median and spread, the baseline
/// measured in the same run, their ratio, and the aim it is held to (null when the figure has none).
/// </summary>
public sealed record SummaryRow(string Figure, string Median, string Spread, string Baseline, string Ratio, string Aim, bool? Met)
{
    private const string Marker = "<!-- summary |";

    public static string Ratio2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Kept in the harness's own section, so rerunning one harness updates only its rows.</summary>
    public string ToComment() => $"{Marker} {string.Join(" | ", Cells())} -->";

    public string ToTableRow() => $"| {string.Join(" | ", Cells())} |";

    public static bool IsComment(string line) => line.StartsWith(Marker, StringComparison.Ordinal);

    public static string TableRowOf(string comment) => "|" + comment[Marker.Length..^"-->".Length].TrimEnd() + " |";

    private IEnumerable<string> Cells() =>
        [Figure, Median, Spread, Baseline, Ratio, Aim, Met switch { true => "yes", false => "**no**", null => "—" }];
}
