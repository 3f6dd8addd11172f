using Discovery.FunctionalTests.Infrastructure;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Tree;

/// <summary>The opportunity solution tree: outcome → problems with evidence → solutions → hypotheses and experiments.</summary>
public sealed class OpportunityTreeTests(DiscoveryHosts hosts) : IClassFixture<DiscoveryHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task The_tree_hangs_problems_solutions_and_hypotheses_under_their_outcomes(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product["products/".Length..]);
        var (activation, retention) = (Guid.NewGuid(), Guid.NewGuid());
        await hosts.PublishAsync(provider, new GoalChanged(activation, productId, "Double activation", "active") { WorkspaceId = workspace });
        var problems = hosts.Problems(provider, workspace);
        var (wizard, templates) = ($"backlogItems/{Guid.NewGuid()}", $"backlogItems/{Guid.NewGuid()}");
        var setup = await problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = product, Title = "Setup is confusing", Goals = { $"goals/{activation}" }, Solutions = { wizard, templates },
        } }, cancellationToken: Cancel);
        var invites = await problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = product, Title = "Inviting teammates is hidden", Goals = { $"goals/{activation}", $"goals/{retention}" },
        } }, cancellationToken: Cancel);
        var parked = await problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = product, Title = "Dark mode", Status = ProblemStatus.Parked,
        } }, cancellationToken: Cancel);
        var insight = await hosts.Insights(provider, workspace).CreateInsightAsync(new CreateInsightRequest { Insight = new Insight
        {
            Source = InsightSource.Interview, Summary = "Gave up during setup", Customer = new Customer { AccountId = "acme" }, Importance = 3,
        } }, cancellationToken: Cancel);
        await problems.LinkInsightsAsync(new LinkInsightsRequest { Name = invites.Name, Insights = { insight.Name } }, cancellationToken: Cancel);
        var hypotheses = hosts.Hypotheses(provider, workspace);
        var experiment = Guid.NewGuid();
        var tested = await hypotheses.CreateHypothesisAsync(new CreateHypothesisRequest { Hypothesis = new Hypothesis
        {
            Product = product, Change = "a setup wizard", Outcome = "more teams finish setup", MetricKey = "setup_completed", MinimumEffect = 0.1,
            Problem = setup.Name, BacklogItem = wizard, Experiment = $"experiments/{experiment}",
        } }, cancellationToken: Cancel);
        await hypotheses.CreateHypothesisAsync(new CreateHypothesisRequest { Hypothesis = new Hypothesis
        {
            Product = product, Change = "a shorter form", Outcome = "fewer drop-offs", MetricKey = "setup_completed", MinimumEffect = 0.05, Problem = setup.Name,
        } }, cancellationToken: Cancel);
        await hosts.PublishAsync(provider, new ExperimentConcluded(experiment, null, "validated", 0.01)
            { WorkspaceId = workspace, RelativeLift = 0.3, RelativeIntervalLow = 0.12, RelativeIntervalHigh = 0.48 });
        await Eventually.GetAsync(() => hypotheses.GetHypothesisAsync(new GetHypothesisRequest { Name = tested.Name }, cancellationToken: Cancel).ResponseAsync,
            h => h.Status == HypothesisStatus.Validated);

        var tree = await Eventually.GetAsync(() => hosts.Tree(provider, workspace).GetOpportunityTreeAsync(
            new GetOpportunityTreeRequest { Name = product + "/opportunityTree" }, cancellationToken: Cancel).ResponseAsync, t => t.Outcomes[0].Title.Length > 0);
        Assert.Equal(["Double activation", "", ""], tree.Outcomes.Select(o => o.Title));
        Assert.Equal([$"goals/{activation}", $"goals/{retention}", ""], tree.Outcomes.Select(o => o.Goal));
        var activationBranch = tree.Outcomes[0];
        // Evidence orders problems: the one with a critical insight first.
        Assert.Equal(["Inviting teammates is hidden", "Setup is confusing"], activationBranch.Problems.Select(p => p.Title));
        Assert.Equal(1, activationBranch.Problems[0].Evidence.InsightCount);
        var setupNode = activationBranch.Problems[1];
        Assert.Equal([wizard, templates], setupNode.Solutions.Select(s => s.BacklogItem));
        var leaf = Assert.Single(setupNode.Solutions[0].Hypotheses);
        Assert.Equal((HypothesisStatus.Validated, $"experiments/{experiment}", "validated"), (leaf.Status, leaf.Experiment, leaf.Result.Verdict));
        Assert.Empty(setupNode.Solutions[1].Hypotheses);
        Assert.Equal(["We believe a shorter form will fewer drop-offs; we will know when setup_completed moves by 0.05."], setupNode.Hypotheses.Select(h => h.Statement));
        Assert.Equal(["Inviting teammates is hidden"], tree.Outcomes[1].Problems.Select(p => p.Title));
        Assert.Equal(["Dark mode"], tree.Outcomes[2].Problems.Select(p => p.Title));

        var branch = await hosts.Tree(provider, workspace).GetOpportunityTreeAsync(new GetOpportunityTreeRequest
        {
            Name = product + "/opportunityTree", Goal = $"goals/{retention}", SkipParked = true,
        }, cancellationToken: Cancel);
        Assert.Equal([$"goals/{retention}"], branch.Outcomes.Select(o => o.Goal));
        var withoutParked = await hosts.Tree(provider, workspace).GetOpportunityTreeAsync(new GetOpportunityTreeRequest { Name = product + "/opportunityTree", SkipParked = true }, cancellationToken: Cancel);
        Assert.DoesNotContain(withoutParked.Outcomes.SelectMany(o => o.Problems), p => p.Problem == parked.Name);

        await Rpc.InvalidAsync(hosts.Tree(provider, workspace).GetOpportunityTreeAsync(new GetOpportunityTreeRequest { Name = product }, cancellationToken: Cancel), "name");
        await Rpc.FailsAsync(StatusCode.NotFound, hosts.Tree(provider, Guid.NewGuid()).GetOpportunityTreeAsync(new GetOpportunityTreeRequest { Name = product + "/opportunityTree" }, cancellationToken: Cancel));
        using var http = hosts.Rest(provider, workspace);
        var rest = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/opportunityTree?skipParked=true");
        Assert.Equal("Double activation", rest.GetProperty("outcomes")[0].Str("title"));
    }
}
