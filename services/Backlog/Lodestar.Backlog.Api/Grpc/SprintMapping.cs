using Lodestar.Api;
using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Errors;
using Lodestar.Persistence;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>Sprints between the API and the domain.</summary>
public static class SprintMapping
{
    public static V1.SprintPlan ToProto(this SprintPlan plan, V1.Sprint sprint, int maxSkippedReported) => new()
    {
        Sprint = sprint,
        CapacityPoints = plan.Capacity,
        CapacitySource = plan.CapacitySource,
        MaintenanceTargetPoints = plan.MaintenanceTarget,
        MaintenancePoints = plan.MaintenancePoints,
        Added =
        {
            plan.Outcomes.Where(o => o.Added).Select(o => new V1.PlannedItem
            {
                BacklogItem = ResourceNames.Format(BacklogNames.Items, o.Candidate.Id), Title = o.Candidate.Title, Points = o.Candidate.Points ?? 0, Maintenance = o.Maintenance,
            }),
        },
        Skipped =
        {
            plan.Outcomes.Where(o => !o.Added).Take(maxSkippedReported).Select(o => new V1.SkippedItem
            {
                BacklogItem = ResourceNames.Format(BacklogNames.Items, o.Candidate.Id), Title = o.Candidate.Title, Points = o.Candidate.Points ?? 0,
                Reason = (V1.SkipReason)o.Reason!.Value, Detail = o.Detail,
            }),
        },
    };

    public static V1.SprintBurndown ToProto(this IReadOnlyList<BurndownDay> days, string name)
    {
        var response = new V1.SprintBurndown { Name = name };
        foreach (var day in days)
        {
            var proto = new V1.BurndownDay { Date = day.Date.ToProto(), ScopePoints = day.Scope, CompletedPoints = day.Completed, IdealPoints = day.Ideal };
            if (day.Remaining is { } remaining) proto.RemainingPoints = remaining;
            response.Days.Add(proto);
        }
        return response;
    }

    public static V1.Sprint ToProto(this Sprint sprint, IReadOnlyList<Guid> itemIds, double committedPoints)
    {
        var proto = new V1.Sprint
        {
            Name = ResourceNames.Format(BacklogNames.Sprints, sprint.Id),
            Product = ResourceNames.Format(BacklogNames.Products, sprint.ProductId),
            DisplayName = sprint.DisplayName,
            Goal = sprint.Goal,
            StartDate = sprint.StartDate.ToProto(),
            EndDate = sprint.EndDate.ToProto(),
            State = (V1.SprintState)sprint.State,
            BacklogItems = { itemIds.Select(id => ResourceNames.Format(BacklogNames.Items, id)) },
            CommittedPoints = committedPoints,
            StartPoints = sprint.StartPoints,
            CompletedPoints = sprint.CompletedPoints,
            ReviewNotes = sprint.ReviewNotes,
            Retrospective = ToProto(sprint.Retrospective),
            StartTime = sprint.StartTime?.ToUtcTimestamp(),
            CompleteTime = sprint.CompleteTime?.ToUtcTimestamp(),
            Metadata = sprint.ToMetadata(),
        };
        if (sprint.CapacityPoints is { } capacity) proto.CapacityPoints = capacity;
        return proto;
    }

    private static V1.Retrospective ToProto(Retrospective retrospective)
    {
        var proto = new V1.Retrospective { WentWell = { retrospective.WentWell }, ToImprove = { retrospective.ToImprove } };
        foreach (var action in retrospective.Actions)
        {
            proto.Actions.Add(new V1.RetrospectiveAction
            {
                Description = action.Description, Owner = action.Owner, DueDate = action.DueDate?.ToProto(), Done = action.Done,
            });
        }
        return proto;
    }

    public static Retrospective Read(Violations violations, string field, V1.Retrospective? input)
    {
        if (input is null) return new Retrospective();
        violations.TextList($"{field}.went_well", input.WentWell, Retrospective.MaxEntries, Retrospective.MaxText);
        violations.TextList($"{field}.to_improve", input.ToImprove, Retrospective.MaxEntries, Retrospective.MaxText);
        if (input.Actions.Count > Retrospective.MaxEntries) violations.Add($"{field}.actions", $"At most {Retrospective.MaxEntries} actions.");
        var actions = new List<RetrospectiveAction>();
        for (var i = 0; i < input.Actions.Count && i < Retrospective.MaxEntries; i++)
        {
            var action = input.Actions[i];
            violations.RequiredText($"{field}.actions[{i}].description", action.Description, Retrospective.MaxText);
            violations.OptionalText($"{field}.actions[{i}].owner", action.Owner, 100);
            var due = action.DueDate is null ? null : violations.Read($"{field}.actions[{i}].due_date", action.DueDate);
            actions.Add(new RetrospectiveAction(action.Description.Trim(), action.Owner.Trim(), due, action.Done));
        }
        return new Retrospective
        {
            WentWell = [.. input.WentWell.Select(w => w.Trim())], ToImprove = [.. input.ToImprove.Select(t => t.Trim())], Actions = actions,
        };
    }
}
