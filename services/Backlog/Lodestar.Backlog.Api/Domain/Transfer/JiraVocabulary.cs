using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Scoring;

namespace Lodestar.Backlog.Domain.Transfer;

/// <summary>
/// Jira's issue types, statuses and priorities in the backlog's terms (compared ignoring case). Jira priorities map to
/// MoSCoW: Highest/Blocker/Critical → must, High/Major → should, Medium → could, Low/Lowest/Minor/Trivial → won't.
/// </summary>
public static class JiraVocabulary
{
    private static readonly Dictionary<string, ItemType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Epic"] = ItemType.Epic,
        ["Bug"] = ItemType.Bug, ["Defect"] = ItemType.Bug,
        ["Story"] = ItemType.Story, ["User Story"] = ItemType.Story,
        ["Technical Debt"] = ItemType.TechDebt, ["Tech Debt"] = ItemType.TechDebt, ["Chore"] = ItemType.TechDebt,
        ["New Feature"] = ItemType.Feature, ["Feature"] = ItemType.Feature, ["Improvement"] = ItemType.Feature,
        ["Task"] = ItemType.Feature, ["Sub-task"] = ItemType.Feature, ["Subtask"] = ItemType.Feature,
    };

    private static readonly Dictionary<string, ItemStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["To Do"] = ItemStatus.Idea, ["Open"] = ItemStatus.Idea, ["Backlog"] = ItemStatus.Idea, ["New"] = ItemStatus.Idea,
        ["Selected for Development"] = ItemStatus.Ready, ["Ready"] = ItemStatus.Ready, ["Ready for Development"] = ItemStatus.Ready,
        ["In Progress"] = ItemStatus.InProgress, ["In Development"] = ItemStatus.InProgress, ["In Review"] = ItemStatus.InProgress,
        ["Code Review"] = ItemStatus.InProgress, ["In QA"] = ItemStatus.InProgress, ["Testing"] = ItemStatus.InProgress,
        ["Done"] = ItemStatus.Done, ["Closed"] = ItemStatus.Done, ["Resolved"] = ItemStatus.Done, ["Released"] = ItemStatus.Done,
        ["Won't Do"] = ItemStatus.WontDo, ["Won't Fix"] = ItemStatus.WontDo, ["Cancelled"] = ItemStatus.WontDo, ["Rejected"] = ItemStatus.WontDo,
    };

    private static readonly Dictionary<string, MoscowPriority> Priorities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Highest"] = MoscowPriority.Must, ["Blocker"] = MoscowPriority.Must, ["Critical"] = MoscowPriority.Must,
        ["High"] = MoscowPriority.Should, ["Major"] = MoscowPriority.Should,
        ["Medium"] = MoscowPriority.Could,
        ["Low"] = MoscowPriority.Wont, ["Lowest"] = MoscowPriority.Wont, ["Minor"] = MoscowPriority.Wont, ["Trivial"] = MoscowPriority.Wont,
    };

    public static bool TryType(string value, out ItemType type) => Types.TryGetValue(value.Trim(), out type);

    public static bool TryStatus(string value, out ItemStatus status) => Statuses.TryGetValue(value.Trim(), out status);

    public static bool TryPriority(string value, out MoscowPriority priority) => Priorities.TryGetValue(value.Trim(), out priority);

    public static string KnownTypes => string.Join(", ", Types.Keys);

    public static string KnownStatuses => string.Join(", ", Statuses.Keys);
}
