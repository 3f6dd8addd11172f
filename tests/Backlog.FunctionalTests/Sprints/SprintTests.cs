using Backlog.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Backlog.V1;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Date = Google.Type.Date;

namespace Backlog.FunctionalTests.Sprints;

/// <summary>Sprints: dates, planning with blockers and the maintenance share, start, completion, rollover, burndown, retrospective.</summary>
public sealed class SprintTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Date Day(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static RiceInputs Rice(double reach) => new() { Reach = reach, Impact = 1, Confidence = 100, Effort = 1 };

    private async Task<Sprint> NewSprintAsync(DatabaseProvider provider, Guid workspace, string product, string name, DateOnly start, int days, double? capacity = null)
    {
        var sprint = new Sprint { Product = product, DisplayName = name, StartDate = Day(start), EndDate = Day(start.AddDays(days - 1)) };
        if (capacity is { } points) sprint.CapacityPoints = points;
        return await hosts.Sprints(provider, workspace).CreateSprintAsync(new CreateSprintRequest { Sprint = sprint }, cancellationToken: Cancel);
    }

    private async Task<BacklogItem> ItemAsync(DatabaseProvider provider, Guid workspace, string product, string title, double reach, double? points, ItemType type = ItemType.Feature, params string[] blockedBy)
    {
        var item = new BacklogItem { Title = title, Type = type, Rice = Rice(reach), Status = ItemStatus.Ready, BlockedBy = { blockedBy } };
        if (points is { } p) item.EstimatePoints = p;
        return await hosts.NewItemAsync(provider, workspace, product, item);
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Planning_fills_from_the_top_honours_blockers_and_the_maintenance_share(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        await hosts.Prioritization(provider, workspace).UpdateBacklogSettingsAsync(new UpdateBacklogSettingsRequest
        {
            BacklogSettings = new BacklogSettings { Name = product + "/backlogSettings", MaintenanceShare = 0.25 }, UpdateMask = new FieldMask { Paths = { "maintenance_share" } },
        }, cancellationToken: Cancel);
        // Ranked by reach: epic, a, b (blocked by f), c (unestimated), d, e, bug, f (blocks b), debt.
        await ItemAsync(provider, workspace, product, "epic", 1000, 40, ItemType.Epic);
        await ItemAsync(provider, workspace, product, "a", 900, 8);
        var f = await ItemAsync(provider, workspace, product, "f", 300, 2);
        await ItemAsync(provider, workspace, product, "b", 800, 3, ItemType.Feature, f.Name);
        await ItemAsync(provider, workspace, product, "c", 700, null);
        await ItemAsync(provider, workspace, product, "d", 600, 5);
        await ItemAsync(provider, workspace, product, "e", 500, 1);
        await ItemAsync(provider, workspace, product, "bug", 400, 3, ItemType.Bug);
        await ItemAsync(provider, workspace, product, "debt", 100, 2, ItemType.TechDebt);
        var sprint = await NewSprintAsync(provider, workspace, product, "Sprint 1", Today, 10, capacity: 20);

        var sprints = hosts.Sprints(provider, workspace);
        var preview = await sprints.PlanSprintAsync(new PlanSprintRequest { Name = sprint.Name, ValidateOnly = true }, cancellationToken: Cancel);
        Assert.Empty(preview.Sprint.BacklogItems);
        var plan = await sprints.PlanSprintAsync(new PlanSprintRequest { Name = sprint.Name }, cancellationToken: Cancel);
        // Reserve 25% of 20 = 5 points: bug (3) + debt (2). Then a (8), b waits for f, d (5) fills to 18, e (1) to 19,
        // f (2) does not fit (1 left), so b stays blocked.
        Assert.Equal(["a", "d", "e", "bug", "debt"], plan.Added.Select(a => a.Title));
        Assert.Equal([false, false, false, true, true], plan.Added.Select(a => a.Maintenance));
        Assert.Equal((20d, "sprint", 5d, 5d), (plan.CapacityPoints, plan.CapacitySource, plan.MaintenanceTargetPoints, plan.MaintenancePoints));
        var skipped = plan.Skipped.ToDictionary(s => s.Title);
        Assert.Equal(SkipReason.Epic, skipped["epic"].Reason);
        Assert.Equal(SkipReason.NotEstimated, skipped["c"].Reason);
        Assert.Equal((SkipReason.Blocked, $"Blocked by {f.Name}."), (skipped["b"].Reason, skipped["b"].Detail));
        Assert.Equal((SkipReason.OverCapacity, "Needs 2 points; 1 left."), (skipped["f"].Reason, skipped["f"].Detail));
        Assert.Equal((5, 19d), (plan.Sprint.BacklogItems.Count, plan.Sprint.CommittedPoints));
        Assert.Equal(preview.Added, plan.Added);

        // With more room, the blocker comes in and then what it blocks.
        var more = await sprints.PlanSprintAsync(new PlanSprintRequest { Name = sprint.Name, CapacityPoints = 24 }, cancellationToken: Cancel);
        Assert.Equal(["b", "f"], more.Added.Select(a => a.Title));
        Assert.Equal("request", more.CapacitySource);
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Completing_records_velocity_rolls_over_and_feeds_the_next_plan(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var sprints = hosts.Sprints(provider, workspace);
        var items = hosts.Items(provider, workspace);
        var done = await ItemAsync(provider, workspace, product, "done", 300, 5);
        var unfinished = await ItemAsync(provider, workspace, product, "unfinished", 200, 3);
        var removed = await ItemAsync(provider, workspace, product, "removed", 100, 2);
        var first = await NewSprintAsync(provider, workspace, product, "Sprint 1", Today.AddDays(-3), 7, capacity: 10);
        var second = await NewSprintAsync(provider, workspace, product, "Sprint 2", Today.AddDays(4), 7);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(SprintCompleted));

        Assert.Equal(3, (await sprints.PlanSprintAsync(new PlanSprintRequest { Name = first.Name }, cancellationToken: Cancel)).Added.Count);
        var started = await sprints.StartSprintAsync(new StartSprintRequest { Name = first.Name }, cancellationToken: Cancel);
        Assert.Equal((SprintState.Active, 10d), (started.State, started.StartPoints));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, sprints.StartSprintAsync(new StartSprintRequest { Name = second.Name }, cancellationToken: Cancel));
        await sprints.RemoveSprintItemAsync(new RemoveSprintItemRequest { Name = first.Name, BacklogItem = removed.Name }, cancellationToken: Cancel);
        foreach (var status in new[] { ItemStatus.InProgress, ItemStatus.Done })
        {
            await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
            {
                BacklogItem = new BacklogItem { Name = done.Name, Status = status }, UpdateMask = new FieldMask { Paths = { "status" } },
            }, cancellationToken: Cancel);
        }

        var burndown = await sprints.GetSprintBurndownAsync(new GetSprintBurndownRequest { Name = first.Name + "/burndown" }, cancellationToken: Cancel);
        Assert.Equal(7, burndown.Days.Count);
        var today = burndown.Days[3];
        Assert.Equal((8d, 5d, 3d), (today.ScopePoints, today.CompletedPoints, today.RemainingPoints));
        Assert.False(burndown.Days[4].HasRemainingPoints);
        Assert.Equal(0, burndown.Days[^1].IdealPoints);

        var completed = await sprints.CompleteSprintAsync(new CompleteSprintRequest { Name = first.Name }, cancellationToken: Cancel);
        Assert.Equal((SprintState.Completed, 5d), (completed.State, completed.CompletedPoints));
        Assert.Equal([done.Name], completed.BacklogItems);
        Assert.Equal(second.Name, (await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = unfinished.Name }, cancellationToken: Cancel)).Sprint);
        Assert.Equal("", (await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = removed.Name }, cancellationToken: Cancel)).Sprint);
        var sprintId = first.Name["sprints/".Length..];
        var message = await probe.WaitForAsync<SprintCompleted>(m => m.GetProperty("sprintId").GetString() == sprintId);
        Assert.Equal((10d, 5d), (message.GetProperty("committedPoints").GetDouble(), message.GetProperty("completedPoints").GetDouble()));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, sprints.CompleteSprintAsync(new CompleteSprintRequest { Name = first.Name }, cancellationToken: Cancel));

        // The next sprint has no capacity of its own: planning takes the velocity of the completed one (5).
        var plan = await sprints.PlanSprintAsync(new PlanSprintRequest { Name = second.Name }, cancellationToken: Cancel);
        Assert.Equal((5d, "velocity"), (plan.CapacityPoints, plan.CapacitySource));
        Assert.Equal(["removed"], plan.Added.Select(a => a.Title));
        Assert.Equal(5d, plan.Sprint.CommittedPoints);

        var retro = await sprints.UpdateSprintAsync(new UpdateSprintRequest
        {
            Sprint = new Sprint
            {
                Name = first.Name, ReviewNotes = "Demoed the done item to sales.",
                Retrospective = new Retrospective
                {
                    WentWell = { "Pairing" }, ToImprove = { "Estimates" },
                    Actions = { new RetrospectiveAction { Description = "Split stories above 5 points", Owner = "ana", DueDate = Day(Today.AddDays(14)) } },
                },
            },
            UpdateMask = new FieldMask { Paths = { "review_notes", "retrospective" } },
        }, cancellationToken: Cancel);
        Assert.Equal(("Pairing", "ana"), (retro.Retrospective.WentWell[0], retro.Retrospective.Actions[0].Owner));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, sprints.UpdateSprintAsync(new UpdateSprintRequest
        {
            Sprint = new Sprint { Name = first.Name, CapacityPoints = 30 }, UpdateMask = new FieldMask { Paths = { "capacity_points" } },
        }, cancellationToken: Cancel));
        var listed = await sprints.ListSprintsAsync(new ListSprintsRequest { Product = product, States = { SprintState.Completed } }, cancellationToken: Cancel);
        Assert.Equal([first.Name], listed.Sprints.Select(s => s.Name));

        // Deleting a committed item takes it out of the sprint's scope from then on.
        await items.DeleteBacklogItemAsync(new DeleteBacklogItemRequest { Name = removed.Name }, cancellationToken: Cancel);
        var afterDelete = await sprints.GetSprintAsync(new GetSprintRequest { Name = second.Name }, cancellationToken: Cancel);
        Assert.Equal([unfinished.Name], afterDelete.BacklogItems);
        Assert.Equal(3d, afterDelete.CommittedPoints);
        var secondBurndown = await sprints.GetSprintBurndownAsync(new GetSprintBurndownRequest { Name = second.Name + "/burndown" }, cancellationToken: Cancel);
        Assert.All(secondBurndown.Days, d => Assert.Equal(3d, d.ScopePoints));
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Bad_sprints_name_their_fields(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var sprints = hosts.Sprints(provider, workspace);
        var existing = await NewSprintAsync(provider, workspace, product, "Sprint 1", new DateOnly(2027, 3, 1), 14);

        var overlap = await Rpc.FailsAsync(StatusCode.InvalidArgument, sprints.CreateSprintAsync(new CreateSprintRequest { Sprint = new Sprint
        {
            Product = product, DisplayName = "Clash", StartDate = Day(new DateOnly(2027, 3, 10)), EndDate = Day(new DateOnly(2027, 3, 20)),
        } }, cancellationToken: Cancel));
        var violation = overlap.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single();
        Assert.Equal("sprint.start_date", violation.Field);
        Assert.Contains(existing.Name, violation.Description, StringComparison.Ordinal);
        await Rpc.InvalidAsync(sprints.CreateSprintAsync(new CreateSprintRequest { Sprint = new Sprint
        {
            Product = product, DisplayName = "", StartDate = Day(new DateOnly(2027, 5, 10)), EndDate = Day(new DateOnly(2027, 5, 1)), CapacityPoints = -3,
        } }, cancellationToken: Cancel), "sprint.display_name", "sprint.capacity_points");
        await Rpc.InvalidAsync(sprints.CreateSprintAsync(new CreateSprintRequest { Sprint = new Sprint
        {
            Product = product, DisplayName = "Backwards", StartDate = Day(new DateOnly(2027, 5, 10)), EndDate = Day(new DateOnly(2027, 5, 1)),
        } }, cancellationToken: Cancel), "sprint.end_date");
        await Rpc.InvalidAsync(sprints.CreateSprintAsync(new CreateSprintRequest { Sprint = new Sprint
        {
            Product = product, DisplayName = "No dates",
        } }, cancellationToken: Cancel), "sprint.start_date", "sprint.end_date");
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, sprints.PlanSprintAsync(new PlanSprintRequest { Name = existing.Name }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(sprints.PlanSprintAsync(new PlanSprintRequest { Name = existing.Name, CapacityPoints = 0 }, cancellationToken: Cancel), "capacity_points");
        Assert.Single((await sprints.ListSprintsAsync(new ListSprintsRequest { Product = product }, cancellationToken: Cancel)).Sprints);
        await sprints.DeleteSprintAsync(new DeleteSprintRequest { Name = existing.Name }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, sprints.GetSprintAsync(new GetSprintRequest { Name = existing.Name }, cancellationToken: Cancel));
    }
}
