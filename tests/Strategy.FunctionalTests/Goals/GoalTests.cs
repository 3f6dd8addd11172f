using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Goals;

/// <summary>Goals and key results: progress both ways, metric binding over the broker, and bad input.</summary>
public sealed class GoalTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Goal Q1(string product) => new()
    {
        Product = product, Title = "Activation first", Owner = "Ada", Description = "Make the first week count",
        PeriodStart = new Date { Year = 2027, Month = 1, Day = 1 }, PeriodEnd = new Date { Year = 2027, Month = 3, Day = 31 },
    };

    private static KeyResult Result(string title, double baseline, double target, double? current = null, string metric = "")
    {
        var result = new KeyResult { Title = title, Baseline = baseline, Target = target, Unit = "%", MetricKey = metric };
        if (current is { } value) result.CurrentValue = value;
        return result;
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Progress_is_right_for_increasing_and_decreasing_targets(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var goals = hosts.Goals(provider, workspace);
        var goal = await goals.CreateGoalAsync(new CreateGoalRequest { Goal = Q1(await hosts.NewProductAsync(provider, workspace)) }, cancellationToken: Cancel);
        Assert.Equal((0d, 2027, 31), (goal.Progress, goal.PeriodStart.Year, goal.PeriodEnd.Day));

        var activation = await goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("Activation", 20, 40, 25) }, cancellationToken: Cancel);
        Assert.Equal((0.25, KeyResultDirection.Increase), (activation.Progress, activation.Direction));
        var churn = await goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("Churn", 8, 4, 5) }, cancellationToken: Cancel);
        Assert.Equal((0.75, KeyResultDirection.Decrease), (churn.Progress, churn.Direction));
        var overshoot = await goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("NPS", 10, 30, 45) }, cancellationToken: Cancel);
        Assert.Equal(1d, overshoot.Progress);
        var backwards = await goals.UpdateKeyResultAsync(new UpdateKeyResultRequest
        {
            KeyResult = new KeyResult { Name = overshoot.Name, CurrentValue = 2, Metadata = overshoot.Metadata },
            UpdateMask = new FieldMask { Paths = { "current_value" } },
        }, cancellationToken: Cancel);
        Assert.Equal(0d, backwards.Progress);

        var read = await goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel);
        Assert.Equal(["Activation", "Churn", "NPS"], read.KeyResults.Select(k => k.Title));
        Assert.Equal((0.25 + 0.75 + 0) / 3, read.Progress, 9);

        await goals.DeleteKeyResultAsync(new DeleteKeyResultRequest { Name = overshoot.Name }, cancellationToken: Cancel);
        var renamed = await goals.UpdateGoalAsync(new UpdateGoalRequest
        {
            Goal = new Goal { Name = goal.Name, Title = "Activation, first and foremost" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, cancellationToken: Cancel);
        Assert.Equal(("Activation, first and foremost", 2, 0.5), (renamed.Title, renamed.KeyResults.Count, renamed.Progress));
        Assert.Single((await goals.ListGoalsAsync(new ListGoalsRequest { Product = goal.Product }, cancellationToken: Cancel)).Goals);

        await goals.DeleteGoalAsync(new DeleteGoalRequest { Name = goal.Name, Etag = renamed.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, goals.DeleteKeyResultAsync(new DeleteKeyResultRequest { Name = churn.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Bad_goals_and_key_results_name_their_fields_and_change_nothing(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var goals = hosts.Goals(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);

        var backwards = Q1(product);
        backwards.PeriodEnd = new Date { Year = 2026, Month = 12, Day = 31 };
        await Rpc.InvalidAsync(goals.CreateGoalAsync(new CreateGoalRequest { Goal = backwards }, cancellationToken: Cancel), "goal.period_end");
        var impossible = Q1(product);
        impossible.PeriodStart = new Date { Year = 2027, Month = 2, Day = 30 };
        impossible.Title = "";
        await Rpc.InvalidAsync(goals.CreateGoalAsync(new CreateGoalRequest { Goal = impossible }, cancellationToken: Cancel), "goal.period_start", "goal.title");
        var undated = Q1(product);
        undated.PeriodEnd = null;
        await Rpc.InvalidAsync(goals.CreateGoalAsync(new CreateGoalRequest { Goal = undated }, cancellationToken: Cancel), "goal.period_end");
        await Rpc.FailsAsync(StatusCode.NotFound, goals.CreateGoalAsync(new CreateGoalRequest { Goal = Q1($"products/{Guid.NewGuid()}") }, cancellationToken: Cancel));
        Assert.Empty((await goals.ListGoalsAsync(new ListGoalsRequest { Product = product }, cancellationToken: Cancel)).Goals);

        var goal = await goals.CreateGoalAsync(new CreateGoalRequest { Goal = Q1(product) }, cancellationToken: Cancel);
        await Rpc.InvalidAsync(goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("Flat", 5, 5) }, cancellationToken: Cancel),
            "key_result.target");
        await Rpc.InvalidAsync(goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("", 0, 1, metric: "Bad Key") }, cancellationToken: Cancel),
            "key_result.metric_key", "key_result.title");
        await Rpc.InvalidAsync(goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("Typed", 0, 1, current: 0.5, metric: "retention_d1") },
            cancellationToken: Cancel), "key_result.current_value");
        await Rpc.FailsAsync(StatusCode.NotFound, goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = $"goals/{Guid.NewGuid()}", KeyResult = Result("x", 0, 1) },
            cancellationToken: Cancel));

        var bound = await goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("Activation", 20, 40, metric: "retention_d1") },
            cancellationToken: Cancel);
        await Rpc.InvalidAsync(goals.UpdateKeyResultAsync(new UpdateKeyResultRequest
        {
            KeyResult = new KeyResult { Name = bound.Name, CurrentValue = 39 }, UpdateMask = new FieldMask { Paths = { "current_value" } },
        }, cancellationToken: Cancel), "key_result.current_value");
        await Rpc.InvalidAsync(goals.UpdateKeyResultAsync(new UpdateKeyResultRequest
        {
            KeyResult = new KeyResult { Name = bound.Name, Target = 20 }, UpdateMask = new FieldMask { Paths = { "target" } },
        }, cancellationToken: Cancel), "key_result.target");
        await Rpc.InvalidAsync(goals.UpdateKeyResultAsync(new UpdateKeyResultRequest { KeyResult = new KeyResult { Name = bound.Name } }, cancellationToken: Cancel), "update_mask");
        await Rpc.InvalidAsync(goals.UpdateGoalAsync(new UpdateGoalRequest
        {
            Goal = new Goal { Name = goal.Name, Product = product }, UpdateMask = new FieldMask { Paths = { "product" } },
        }, cancellationToken: Cancel), "update_mask");
        await Rpc.InvalidAsync(goals.UpdateKeyResultAsync(new UpdateKeyResultRequest
        {
            KeyResult = new KeyResult { Name = $"{goal.Name}/keyResults/oops", Title = "x" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, cancellationToken: Cancel), "key_result.name");
        await Rpc.FailsAsync(StatusCode.Aborted, goals.UpdateGoalAsync(new UpdateGoalRequest
        {
            Goal = new Goal { Name = goal.Name, Title = "Stale", Metadata = new() { Etag = "\"7\"" } }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, cancellationToken: Cancel));

        var unchanged = await goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel);
        Assert.Equal(goal.Title, unchanged.Title);
        var keyResult = Assert.Single(unchanged.KeyResults);
        Assert.Equal((40d, false), (keyResult.Target, keyResult.HasCurrentValue));
    }

    [Fact]
    public async Task A_bound_key_result_takes_its_value_from_the_metrics_service_and_goals_are_announced()
    {
        const DatabaseProvider provider = DatabaseProvider.Postgres;
        var workspace = Guid.NewGuid();
        var goals = hosts.Goals(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(GoalChanged));
        var goal = await goals.CreateGoalAsync(new CreateGoalRequest { Goal = Q1(product) }, cancellationToken: Cancel);
        var announced = await probe.WaitForAsync<GoalChanged>(m => m.GetProperty("goalId").GetString() == goal.Name["goals/".Length..]);
        Assert.Equal(("Activation first", "active"), (announced.GetProperty("title").GetString(), announced.GetProperty("status").GetString()));

        await goals.CreateKeyResultAsync(new CreateKeyResultRequest { Parent = goal.Name, KeyResult = Result("Activation", 20, 40, metric: "retention_d7") },
            cancellationToken: Cancel);
        var bus = hosts.Host(provider).Services.GetRequiredService<IBus>();
        var productId = Guid.Parse(product["products/".Length..]);
        var now = DateTimeOffset.UtcNow;
        var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        await bus.Publish(new MetricValueChanged(productId, "retention_d7", 35, now) { WorkspaceId = workspace, AsOfDate = yesterday }, Cancel);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        KeyResult current;
        do
        {
            await Task.Delay(100, Cancel);
            current = (await goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel)).KeyResults.Single();
        } while (!current.HasCurrentValue && DateTime.UtcNow < deadline);
        Assert.Equal((35d, 0.75), (current.CurrentValue, current.Progress));

        // An earlier day's value arriving late (even computed later) does not overwrite the latest day's.
        var late = new MetricValueChanged(productId, "retention_d7", 21, now.AddHours(1)) { WorkspaceId = workspace, AsOfDate = yesterday.AddDays(-1) };
        var marker = new MetricValueChanged(productId, "other.metric", 1, now) { WorkspaceId = workspace };
        await bus.Publish(late, Cancel);
        await bus.Publish(marker, Cancel);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.Equal(35d, (await goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel)).KeyResults.Single().CurrentValue);

        await goals.DeleteGoalAsync(new DeleteGoalRequest { Name = goal.Name }, cancellationToken: Cancel);
        await probe.WaitForAsync<GoalChanged>(m => m.GetProperty("goalId").GetString() == goal.Name["goals/".Length..] && m.GetProperty("status").GetString() == "deleted");
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Linked_hypotheses_show_the_latest_status_discovery_reported(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var goals = hosts.Goals(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var goal = await goals.CreateGoalAsync(new CreateGoalRequest { Goal = Q1(product) }, cancellationToken: Cancel);
        var (tested, silent) = (Guid.NewGuid(), Guid.NewGuid());

        await Rpc.InvalidAsync(goals.UpdateGoalAsync(new UpdateGoalRequest
        {
            Goal = new Goal { Name = goal.Name, Hypotheses = { $"hypotheses/{tested}", "ideas/1" } }, UpdateMask = new FieldMask { Paths = { "hypotheses" } },
        }, cancellationToken: Cancel), "goal.hypotheses[1]");
        var linked = await goals.UpdateGoalAsync(new UpdateGoalRequest
        {
            Goal = new Goal { Name = goal.Name, Hypotheses = { $"hypotheses/{tested}", $"hypotheses/{silent}" } }, UpdateMask = new FieldMask { Paths = { "hypotheses" } },
        }, cancellationToken: Cancel);
        Assert.Equal(["unknown", "unknown"], linked.LinkedHypotheses.Select(h => h.Status));

        var bus = hosts.Host(provider).Services.GetRequiredService<IBus>();
        var productId = Guid.Parse(product["products/".Length..]);
        var now = DateTimeOffset.UtcNow;
        await bus.Publish(new HypothesisStatusChanged(tested, productId, "testing", "retention_d7") { WorkspaceId = workspace, OccurredAt = now.AddMinutes(-10) }, Cancel);
        await bus.Publish(new HypothesisStatusChanged(tested, productId, "validated", "retention_d7") { WorkspaceId = workspace, OccurredAt = now }, Cancel);
        await bus.Publish(new HypothesisStatusChanged(tested, productId, "draft", null) { WorkspaceId = workspace, OccurredAt = now.AddHours(-1) }, Cancel);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        Goal read;
        do
        {
            await Task.Delay(100, Cancel);
            read = await goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel);
        } while (read.LinkedHypotheses[0].Status != "validated" && DateTime.UtcNow < deadline);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel); // the older "draft" must not win even if it lands last
        read = await goals.GetGoalAsync(new GetGoalRequest { Name = goal.Name }, cancellationToken: Cancel);
        Assert.Equal(("validated", "retention_d7"), (read.LinkedHypotheses[0].Status, read.LinkedHypotheses[0].MetricKey));
        Assert.Equal("unknown", read.LinkedHypotheses[1].Status);
    }
}
