using Lodestar.Api;
using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>Applies the fields of a sprint create or update, checking dates against the product's other sprints.</summary>
public sealed class SprintEditor(BacklogDbContext db)
{
    public static readonly string[] Fields = ["display_name", "goal", "start_date", "end_date", "capacity_points", "review_notes", "retrospective"];

    private static readonly string[] PlannedOnly = ["start_date", "end_date", "capacity_points"];

    /// <summary>The capacity a plan request names (null: none), refused outside what a sprint may hold.</summary>
    public static double? ReadCapacity(V1.PlanSprintRequest request)
    {
        if (!request.HasCapacityPoints) return null;
        if (!double.IsFinite(request.CapacityPoints) || request.CapacityPoints <= 0 || request.CapacityPoints > Sprint.MaxCapacity)
            throw new ValidationException("capacity_points", $"More than 0 and at most {Sprint.MaxCapacity:N0}; got {request.CapacityPoints}.");
        return request.CapacityPoints;
    }

    public async Task ApplyAsync(Sprint sprint, V1.Sprint input, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (sprint.State != SprintState.Planned && paths.Intersect(PlannedOnly).FirstOrDefault() is { } locked)
            throw new FailedPreconditionException($"The sprint is {sprint.State}: {locked} can change only while it is planned.");
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name":
                    violations.RequiredText("sprint.display_name", input.DisplayName, Sprint.MaxDisplayName);
                    sprint.DisplayName = input.DisplayName.Trim();
                    break;
                case "goal":
                    violations.OptionalText("sprint.goal", input.Goal, Sprint.MaxGoal);
                    sprint.Goal = input.Goal.Trim();
                    break;
                case "start_date":
                    sprint.StartDate = violations.Read("sprint.start_date", input.StartDate) ?? sprint.StartDate;
                    break;
                case "end_date":
                    sprint.EndDate = violations.Read("sprint.end_date", input.EndDate) ?? sprint.EndDate;
                    break;
                case "capacity_points":
                    if (input.HasCapacityPoints && (!double.IsFinite(input.CapacityPoints) || input.CapacityPoints <= 0 || input.CapacityPoints > Sprint.MaxCapacity))
                        violations.Add("sprint.capacity_points", $"More than 0 and at most {Sprint.MaxCapacity:N0}; got {input.CapacityPoints}.");
                    sprint.CapacityPoints = input.HasCapacityPoints ? input.CapacityPoints : null;
                    break;
                case "review_notes":
                    violations.OptionalText("sprint.review_notes", input.ReviewNotes, Sprint.MaxReviewNotes);
                    sprint.ReviewNotes = input.ReviewNotes;
                    break;
                case "retrospective":
                    sprint.Retrospective = SprintMapping.Read(violations, "sprint.retrospective", input.Retrospective);
                    break;
            }
        }
        if (!violations.Any && (paths.Contains("start_date") || paths.Contains("end_date")))
        {
            if (sprint.EndDate < sprint.StartDate) violations.Add("sprint.end_date", "The last day must be on or after the first.");
            else if (sprint.EndDate.DayNumber - sprint.StartDate.DayNumber + 1 > Sprint.MaxDays) violations.Add("sprint.end_date", $"A sprint lasts at most {Sprint.MaxDays} days.");
        }
        violations.ThrowIfAny();
        if (paths.Contains("start_date") || paths.Contains("end_date")) await EnsureNoOverlapAsync(sprint, cancellationToken);
    }

    private async Task EnsureNoOverlapAsync(Sprint sprint, CancellationToken cancellationToken)
    {
        var (start, end) = (sprint.StartDate, sprint.EndDate);
        var clash = await db.Sprints.AsNoTracking()
            .Where(s => s.ProductId == sprint.ProductId && s.Id != sprint.Id && s.StartDate <= end && start <= s.EndDate)
            .OrderBy(s => s.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            throw new ValidationException("sprint.start_date",
                $"{start:yyyy-MM-dd}–{end:yyyy-MM-dd} overlaps {ResourceNames.Format(BacklogNames.Sprints, clash.Id)} \"{clash.DisplayName}\" ({clash.StartDate:yyyy-MM-dd}–{clash.EndDate:yyyy-MM-dd}).");
        }
    }
}
