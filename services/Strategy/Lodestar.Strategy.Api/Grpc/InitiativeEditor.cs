using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>Update masks of initiatives applied to the entity; every bad field is named at once.</summary>
internal static class InitiativeEditor
{
    public static readonly string[] Fields = ["title", "description", "horizon", "start_date", "end_date", "milestones", "goals", "backlog_items"];

    /// <summary>Applies the named fields and returns the goal names to check, when "goals" is among them.</summary>
    public static List<(string Name, Guid Id)> Apply(Initiative initiative, V1.Initiative input, IReadOnlyList<string> paths)
    {
        var violations = new Violations();
        var goals = new List<(string, Guid)>();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("initiative.title", input.Title, Initiative.MaxTitle);
                    initiative.Title = input.Title.Trim();
                    break;
                case "description":
                    violations.OptionalText("initiative.description", input.Description, Initiative.MaxDescription);
                    initiative.Description = input.Description;
                    break;
                case "horizon":
                    violations.DefinedEnum("initiative.horizon", input.Horizon, allowZero: true);
                    initiative.Horizon = (Horizon)input.Horizon;
                    break;
                case "start_date":
                    initiative.StartDate = input.StartDate is null ? null : violations.Read("initiative.start_date", input.StartDate);
                    break;
                case "end_date":
                    initiative.EndDate = input.EndDate is null ? null : violations.Read("initiative.end_date", input.EndDate);
                    break;
                case "milestones":
                    initiative.Milestones = ReadMilestones(input, violations);
                    break;
                case "goals":
                    goals = ResourceNames.ParseMany(input.Goals, StrategyNames.Goals, "initiative.goals", Initiative.MaxGoals, violations);
                    break;
                case "backlog_items":
                    initiative.BacklogItemIds = ResourceNames.ParseMany(input.BacklogItems, StrategyNames.BacklogItems, "initiative.backlog_items", Initiative.MaxItems, violations)
                        .Select(i => i.Id).Distinct().ToList();
                    break;
            }
        }
        if (!violations.Any && initiative.StartDate is { } start && initiative.EndDate is { } end && end < start)
            violations.Add("initiative.end_date", $"The initiative ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        violations.ThrowIfAny();
        return goals;
    }

    private static List<Milestone> ReadMilestones(V1.Initiative input, Violations violations)
    {
        if (input.Milestones.Count > Initiative.MaxMilestones) violations.Add("initiative.milestones", $"At most {Initiative.MaxMilestones} milestones.");
        var milestones = new List<Milestone>();
        for (var i = 0; i < input.Milestones.Count && i < Initiative.MaxMilestones; i++)
        {
            var milestone = input.Milestones[i];
            violations.RequiredText($"initiative.milestones[{i}].title", milestone.Title, Initiative.MaxTitle);
            if (violations.Read($"initiative.milestones[{i}].date", milestone.Date) is { } date)
                milestones.Add(new Milestone(milestone.Title.Trim(), date, milestone.Done));
        }
        return milestones;
    }
}
