using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Strategy.FunctionalTests.Infrastructure;
using Date = Google.Type.Date;

namespace Strategy.FunctionalTests.Roadmap;

/// <summary>Initiatives, the roadmap view, and delivery progress from the backlog over the broker.</summary>
public sealed class RoadmapTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Initiatives_tie_goals_and_items_and_group_by_horizon_or_quarter(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var roadmap = hosts.Roadmap(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var goals = hosts.Goals(provider, workspace);
        var goal = await goals.CreateGoalAsync(new CreateGoalRequest { Goal = new Goal
        {
            Product = product, Title = "Win enterprise", PeriodStart = Day(2027, 1, 1), PeriodEnd = Day(2027, 6, 30),
        } }, cancellationToken: Cancel);
        await goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = new KeyResult
        {
            Title = "Enterprise logos", Baseline = 0, Target = 10, CurrentValue = 4,
        } }, cancellationToken: Cancel);

        var sso = await roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "SSO", Horizon = Horizon.Now, StartDate = Day(2027, 1, 10), EndDate = Day(2027, 3, 1),
            Milestones = { new Milestone { Title = "SAML beta", Date = Day(2027, 2, 1) } },
            Goals = { goal.Name }, BacklogItems = { $"backlogItems/{Guid.NewGuid()}", $"backlogItems/{Guid.NewGuid()}" },
        } }, cancellationToken: Cancel);
        Assert.Equal((2, 0d, "SAML beta"), (sso.BacklogItems.Count, sso.Progress, sso.Milestones.Single().Title));
        await roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "Audit log", Horizon = Horizon.Next, StartDate = Day(2027, 4, 2),
        } }, cancellationToken: Cancel);
        await roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative { Product = product, Title = "Mobile app" } }, cancellationToken: Cancel);

        var byHorizon = await roadmap.GetRoadmapAsync(new GetRoadmapRequest { Name = product + "/roadmap" }, cancellationToken: Cancel);
        Assert.Equal(["Now", "Next", "Unplanned"], byHorizon.Columns.Select(c => c.Title));
        var now = byHorizon.Columns[0].Initiatives.Single();
        Assert.Equal(("Win enterprise", 0.4), (now.Goals.Single().Title, now.Goals.Single().Progress));

        var byQuarter = await roadmap.GetRoadmapAsync(new GetRoadmapRequest { Name = product + "/roadmap", Grouping = RoadmapGrouping.Quarter }, cancellationToken: Cancel);
        Assert.Equal(["2027 Q1", "2027 Q2", "Unscheduled"], byQuarter.Columns.Select(c => c.Title));

        var moved = await roadmap.UpdateInitiativeAsync(new UpdateInitiativeRequest
        {
            Initiative = new Initiative { Name = sso.Name, Horizon = Horizon.Later, Metadata = sso.Metadata }, UpdateMask = new FieldMask { Paths = { "horizon" } },
        }, cancellationToken: Cancel);
        Assert.Equal((Horizon.Later, 1), (moved.Horizon, moved.Goals.Count));
        Assert.Equal(3, (await roadmap.ListInitiativesAsync(new ListInitiativesRequest { Product = product }, cancellationToken: Cancel)).Initiatives.Count);

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.GetFromJsonAsync<JsonElement>($"/v1/{product}/roadmap?grouping=ROADMAP_GROUPING_QUARTER", Cancel);
        Assert.Equal("2027 Q1", rest.GetProperty("columns")[0].GetProperty("title").GetString());

        await roadmap.DeleteInitiativeAsync(new DeleteInitiativeRequest { Name = sso.Name, Etag = moved.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, roadmap.GetInitiativeAsync(new GetInitiativeRequest { Name = sso.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Bad_initiatives_name_their_fields_and_unknown_links_are_not_found(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var roadmap = hosts.Roadmap(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var otherProduct = await hosts.NewProductAsync(provider, workspace, "Other");
        var foreignGoal = await hosts.Goals(provider, workspace).CreateGoalAsync(new CreateGoalRequest { Goal = new Goal
        {
            Product = otherProduct, Title = "Elsewhere", PeriodStart = Day(2027, 1, 1), PeriodEnd = Day(2027, 2, 1),
        } }, cancellationToken: Cancel);

        await Rpc.InvalidAsync(roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "Backwards", StartDate = Day(2027, 5, 1), EndDate = Day(2027, 4, 1),
        } }, cancellationToken: Cancel), "initiative.end_date");
        await Rpc.InvalidAsync(roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "", Horizon = (Horizon)9, Milestones = { new Milestone { Title = "Undated" } },
            Goals = { "goal-1" }, BacklogItems = { "backlogItems/x" },
        } }, cancellationToken: Cancel), "initiative.title", "initiative.horizon", "initiative.milestones[0].date",
            "initiative.goals[0]", "initiative.backlog_items[0]");
        await Rpc.FailsAsync(StatusCode.NotFound, roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "Wrong product's goal", Goals = { foreignGoal.Name },
        } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "Ghost goal", Goals = { $"goals/{Guid.NewGuid()}" },
        } }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(roadmap.GetRoadmapAsync(new GetRoadmapRequest { Name = product }, cancellationToken: Cancel), "name");
        await Rpc.FailsAsync(StatusCode.NotFound, roadmap.GetRoadmapAsync(new GetRoadmapRequest { Name = $"products/{Guid.NewGuid()}/roadmap" }, cancellationToken: Cancel));
        Assert.Empty((await roadmap.ListInitiativesAsync(new ListInitiativesRequest { Product = product }, cancellationToken: Cancel)).Initiatives);
    }

    [Fact]
    public async Task Shipped_items_and_completed_sprints_from_the_backlog_move_progress_and_velocity()
    {
        const DatabaseProvider provider = DatabaseProvider.Postgres;
        var workspace = Guid.NewGuid();
        var roadmap = hosts.Roadmap(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product["products/".Length..]);
        var (linked, other, announced) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var initiative = await roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "SSO", Horizon = Horizon.Now, BacklogItems = { $"backlogItems/{linked}", $"backlogItems/{other}" },
        } }, cancellationToken: Cancel);
        var initiativeId = Guid.Parse(initiative.Name["initiatives/".Length..]);
        var bus = hosts.Host(provider).Services.GetRequiredService<IBus>();

        var shipped = new BacklogItemShipped(linked, productId, "SAML login", [], [], []) { WorkspaceId = workspace };
        await bus.Publish(shipped, c => c.MessageId = shipped.EventId, Cancel);
        await bus.Publish(shipped, c => c.MessageId = shipped.EventId, Cancel);
        // The backlog ties a third item to the initiative when it ships it.
        await bus.Publish(new BacklogItemShipped(announced, productId, "SCIM", [], [], [initiativeId]) { WorkspaceId = workspace }, Cancel);

        var current = initiative;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (current.ShippedItems < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Cancel);
            current = await roadmap.GetInitiativeAsync(new GetInitiativeRequest { Name = initiative.Name }, cancellationToken: Cancel);
        }
        Assert.Equal((3, 2), (current.BacklogItems.Count, current.ShippedItems));
        Assert.Equal(2d / 3, current.Progress, 9);

        double[] completed = [10, 20, 30, 40];
        for (var i = 0; i < completed.Length; i++)
        {
            var sprint = new SprintCompleted(Guid.NewGuid(), productId, 30, completed[i]) { WorkspaceId = workspace, OccurredAt = DateTimeOffset.UtcNow.AddDays(i - 30) };
            await bus.Publish(sprint, c => c.MessageId = sprint.EventId, Cancel);
        }
        Lodestar.Strategy.V1.Roadmap view;
        deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100, Cancel);
            view = await roadmap.GetRoadmapAsync(new GetRoadmapRequest { Name = product + "/roadmap" }, cancellationToken: Cancel);
        } while ((view.VelocitySprints < 3 || view.Velocity != 30) && DateTime.UtcNow < deadline);
        Assert.Equal((30d, 3), (view.Velocity, view.VelocitySprints));
    }
}
