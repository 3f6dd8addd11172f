using System.Globalization;
using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Domain.Transfer;
using Lodestar.Errors;

namespace Lodestar.Backlog.Infrastructure.Transfer;

/// <summary>
/// Reads a Jira CSV export: RFC 4180 (quoted fields may span lines), a header row, repeated "Labels" columns. Every bad
/// row is reported as "csv_content[line]" with the column, where line is the file line the row starts on.
/// </summary>
public static class JiraCsvReader
{
    public const int MaxRows = 5_000;
    public const int MaxErrors = 100;
    public const string Field = "csv_content";
    private const string Summary = "Summary", Key = "Issue key", IssueId = "Issue id", Type = "Issue Type", Status = "Status",
        Priority = "Priority", Description = "Description", Labels = "Labels";

    public static IReadOnlyList<string> EstimateColumns { get; } = ["Story Points", "Custom field (Story Points)", "Custom field (Story point estimate)"];

    private static readonly string[] ParentColumns = ["Parent", "Parent id", "Parent key"];

    public static (List<JiraIssue> Issues, string? EstimateColumn) Read(string csv, string? estimateColumn, Violations violations)
    {
        using var table = CsvTable.Open(csv, Field, "issues", violations,
            (line, field) => Error(violations, line, "CSV", $"Malformed field {Clip(field)}: a quote inside an unquoted field."));
        if (table is null) return ([], null);
        table.Require(violations, Summary, Key, Type);
        string? estimate = null;
        if (!string.IsNullOrWhiteSpace(estimateColumn))
        {
            estimate = estimateColumn.Trim();
            if (!table.Columns.ContainsKey(estimate)) violations.Add("estimate_column", $"No column '{estimate}' in the header row.");
        }
        else
        {
            estimate = EstimateColumns.FirstOrDefault(table.Columns.ContainsKey);
        }
        if (violations.Any) return ([], estimate);

        var issues = new List<JiraIssue>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows(MaxRows, violations))
        {
            var labels = row.Cells(Labels).SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
            var issue = ReadIssue(row.Line, row.Cell, labels, estimate, violations);
            if (issue is null) continue;
            if (keys.TryGetValue(issue.Key, out var first))
                Error(violations, row.Line, Key, $"'{issue.Key}' appears twice (first on line {first}).");
            else
                keys[issue.Key] = row.Line;
            issues.Add(issue);
            if (violations.Count >= MaxErrors) break;
        }
        if (issues.Count == 0 && !violations.Any) violations.Add(Field, "No issues below the header row.");
        return (issues, estimate);
    }

    private static JiraIssue? ReadIssue(int line, Func<string, string> cell, List<string> labels, string? estimateColumn, Violations violations)
    {
        var ok = true;
        bool Fail(string column, string message)
        {
            Error(violations, line, column, message);
            return ok = false;
        }
        var summary = cell(Summary);
        if (summary.Length == 0) Fail(Summary, "Required.");
        else if (TextRules.Length(summary) is var summaryLength && summaryLength > BacklogItem.MaxTitle) Fail(Summary, $"At most {BacklogItem.MaxTitle} characters; got {summaryLength}.");
        var key = cell(Key);
        if (key.Length == 0) Fail(Key, "Required.");
        else if (TextRules.Length(key) > BacklogItem.MaxExternalKey) Fail(Key, $"At most {BacklogItem.MaxExternalKey} characters.");
        if (!JiraVocabulary.TryType(cell(Type), out var type)) Fail(Type, $"Unknown issue type {Clip(cell(Type))}; known: {JiraVocabulary.KnownTypes}.");
        var status = ItemStatus.Idea;
        if (cell(Status) is { Length: > 0 } statusText && !JiraVocabulary.TryStatus(statusText, out status))
            Fail(Status, $"Unknown status {Clip(statusText)}; known: {JiraVocabulary.KnownStatuses}.");
        MoscowPriority? priority = null;
        if (cell(Priority) is { Length: > 0 } priorityText)
        {
            if (JiraVocabulary.TryPriority(priorityText, out var moscow)) priority = moscow;
            else Fail(Priority, $"Unknown priority {Clip(priorityText)}; use Highest, High, Medium, Low or Lowest.");
        }
        double? points = null;
        if (estimateColumn is not null && cell(estimateColumn) is { Length: > 0 } estimateText)
        {
            if (double.TryParse(estimateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= BacklogItem.MaxEstimate)
                points = value;
            else
                Fail(estimateColumn, $"{Clip(estimateText)} is not a number of points from 0 to {BacklogItem.MaxEstimate:N0}.");
        }
        var description = cell(Description);
        if (TextRules.Length(description) is var descriptionLength && descriptionLength > BacklogItem.MaxDescription)
            Fail(Description, $"At most {BacklogItem.MaxDescription:N0} characters; got {descriptionLength:N0}.");
        labels = [.. labels.Distinct(StringComparer.Ordinal)];
        if (labels.Count > BacklogItem.MaxLabels) Fail(Labels, $"At most {BacklogItem.MaxLabels} labels; got {labels.Count}.");
        if (labels.FirstOrDefault(l => TextRules.Length(l) > BacklogItem.MaxLabel) is { } longLabel) Fail(Labels, $"Label {Clip(longLabel)} is longer than {BacklogItem.MaxLabel} characters.");
        var parent = ParentColumns.Select(cell).FirstOrDefault(p => p.Length > 0);
        return ok ? new JiraIssue(line, key, cell(IssueId) is { Length: > 0 } id ? id : null, summary, type, status, priority, points, description, labels, parent) : null;
    }

    public static void Error(Violations violations, int line, string column, string message) => violations.Add($"{Field}[{line}]", $"{column}: {message}");

    private static string Clip(string? value) => value is null ? "''" : $"'{(value.Length <= 40 ? value : value[..40] + "…")}'";
}
