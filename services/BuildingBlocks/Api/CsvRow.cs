namespace Lodestar.Api;

/// <summary>One row of a <see cref="CsvTable"/>, with the file line it starts on.</summary>
public sealed class CsvRow(int line, string[] record, IReadOnlyDictionary<string, int[]> columns)
{
    public int Line { get; } = line;

    /// <summary>The trimmed value of the first column so named; empty when the file has no such column or the row is short.</summary>
    public string Cell(string column) => columns.TryGetValue(column, out var at) && at[0] < record.Length ? record[at[0]].Trim() : "";

    /// <summary>The raw values of every column so named (a repeated column), as far as the row goes.</summary>
    public IEnumerable<string> Cells(string column) =>
        columns.TryGetValue(column, out var at) ? at.Where(i => i < record.Length).Select(i => record[i]) : [];
}
