using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Lodestar.Errors;

namespace Lodestar.Api;

/// <summary>
/// A CSV upload read row by row (RFC 4180: quoted fields may span lines): a header row naming the columns (trimmed, any
/// case, repeatable), then the rows that are not blank, each with the file line it starts on, so every problem is
/// reported as "field[line]". The file stays open while the rows are read: dispose the table after.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly CsvParser _parser;
    private readonly string _field;
    private readonly string _rowsName;

    private CsvTable(CsvParser parser, string field, string rowsName, Dictionary<string, int[]> columns)
    {
        (_parser, _field, _rowsName) = (parser, field, rowsName);
        Columns = columns;
    }

    /// <summary>Each column's positions by name; a name may repeat (Jira repeats "Labels").</summary>
    public IReadOnlyDictionary<string, int[]> Columns { get; }

    /// <summary>
    /// Opens <paramref name="csv"/> for the request field <paramref name="field"/>; null, with a violation, when it has no
    /// header row. <paramref name="badData"/> hears of each malformed field with the line it is on.
    /// </summary>
    public static CsvTable? Open(string csv, string field, string rowsName, Violations violations, Action<int, string?> badData)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            BadDataFound = args => badData(args.Context.Parser?.RawRow ?? 0, args.Field),
        };
        var parser = new CsvParser(new StringReader(csv), config);
        if (!parser.Read() || parser.Record is not { } header)
        {
            parser.Dispose();
            violations.Add(field, $"Empty: expected a header row and {rowsName}.");
            return null;
        }
        var columns = header.Select((name, index) => (Name: name.Trim(), Index: index)).GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Index).ToArray(), StringComparer.OrdinalIgnoreCase);
        return new CsvTable(parser, field, rowsName, columns);
    }

    /// <summary>Adds a violation for each of <paramref name="required"/> the header lacks; true when none is missing.</summary>
    public bool Require(Violations violations, params string[] required)
    {
        var missing = required.Where(column => !Columns.ContainsKey(column)).ToList();
        foreach (var column in missing) violations.Add(_field, $"Missing column '{column}' in the header row.");
        return missing.Count == 0;
    }

    /// <summary>The rows that are not blank, at most <paramref name="maxRows"/>: one more is a violation and ends the reading.</summary>
    public IEnumerable<CsvRow> Rows(int maxRows, Violations violations)
    {
        var count = 0;
        var lastLine = _parser.RawRow;
        while (_parser.Read())
        {
            var line = lastLine + 1;
            lastLine = _parser.RawRow;
            var record = _parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (count == maxRows)
            {
                violations.Add(_field, $"At most {maxRows:N0} {_rowsName} per import; split the file.");
                yield break;
            }
            count++;
            yield return new CsvRow(line, record, Columns);
        }
    }

    public void Dispose() => _parser.Dispose();
}
