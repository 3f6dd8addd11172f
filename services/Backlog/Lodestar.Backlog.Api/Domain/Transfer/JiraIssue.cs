using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Scoring;

namespace Lodestar.Backlog.Domain.Transfer;

/// <summary>One row of a Jira CSV export, read and checked; <see cref="Line"/> is where the row starts in the file.</summary>
public sealed record JiraIssue(
    int Line,
    string Key,
    string? IssueId,
    string Summary,
    ItemType Type,
    ItemStatus Status,
    MoscowPriority? Priority,
    double? Estimate,
    string Description,
    IReadOnlyList<string> Labels,
    string? Parent);
