using System.Text.Json;
using Discovery.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Problems;

/// <summary>Problems, their linked evidence and its summary, and the ProblemEvidenceChanged events it publishes.</summary>
public sealed class ProblemTests(DiscoveryHosts hosts) : IClassFixture<DiscoveryHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The start of the UTC day <paramref name="ago"/> days back: weights are computed as of the start of today.</summary>
    private static Timestamp Days(int ago) => Timestamp.FromDateTime(DateTime.UtcNow.Date.AddDays(-ago));

    private async Task<Insight> InsightAsync(DatabaseProvider provider, Guid workspace, string account, int importance, int daysAgo, string persona = "", double? satisfaction = null)
    {
        var insight = new Insight
        {
            Source = InsightSource.Interview, Summary = $"{account} needs it", Customer = new Customer { AccountId = account },
            Importance = importance, CaptureTime = Days(daysAgo), Persona = persona,
        };
        if (satisfaction is { } s) insight.Satisfaction = s;
        return await hosts.Insights(provider, workspace).CreateInsightAsync(new CreateInsightRequest { Insight = insight }, cancellationToken: Cancel);
    }

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Linked_evidence_is_summarised_and_every_change_is_published(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var problems = hosts.Problems(provider, workspace);
        var admin = await hosts.Personas(provider, workspace).CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "IT admin" } }, cancellationToken: Cancel);
        var problem = await problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = product, Title = "Offboarding is manual", When = "an employee leaves", Want = "revoke all their access at once",
            SoThat = "we pass audits", Personas = { admin.Name },
        } }, cancellationToken: Cancel);
        Assert.Equal("When an employee leaves, I want to revoke all their access at once, so I can we pass audits", problem.Statement);
        Assert.Equal((ProblemStatus.New, 0, "", null), (problem.Status, problem.Evidence.InsightCount, problem.OpenedByKpi, problem.OpenedByKpiDate));
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(ProblemEvidenceChanged));

        var oldAcme = await InsightAsync(provider, workspace, "acme", 3, 90, admin.Name);
        var newAcme = await InsightAsync(provider, workspace, "acme", 1, 0, admin.Name, satisfaction: 0.25);
        var globex = await InsightAsync(provider, workspace, "globex", 2, 0);
        var linked = await problems.LinkInsightsAsync(new LinkInsightsRequest { Name = problem.Name, Insights = { oldAcme.Name, newAcme.Name, globex.Name, globex.Name } }, cancellationToken: Cancel);
        // acme counts once with its latest importance (1, today); globex 2 today: 3. Opportunity: acme only, 1/3 × 0.75.
        Assert.Equal((3, 2, 1), (linked.Evidence.InsightCount, linked.Evidence.DistinctCustomers, linked.Evidence.DistinctPersonas));
        Assert.Equal(3, linked.Evidence.WeightedScore, 9);
        Assert.Equal(1.5, linked.Evidence.AverageImportance, 9);
        Assert.Equal(0.25, linked.Evidence.OpportunityScore, 9);
        var problemId = problem.Name["problems/".Length..];
        var first = await probe.WaitForAsync<ProblemEvidenceChanged>(m => m.GetProperty("problemId").GetString() == problemId && m.GetProperty("insightCount").GetInt32() == 3);
        Assert.Equal((workspace.ToString(), product["products/".Length..], 2), (first.GetProperty("workspaceId").GetString(), first.GetProperty("productId").GetString(), first.GetProperty("distinctCustomers").GetInt32()));
        Assert.Equal(1.5, first.GetProperty("averageImportance").GetDouble(), 9);

        // The older acme insight becomes the latest: its importance and decay (half after 90 days) now count.
        var insights = hosts.Insights(provider, workspace);
        await insights.UpdateInsightAsync(new UpdateInsightRequest
        {
            Insight = new Insight { Name = newAcme.Name, CaptureTime = Days(200) }, UpdateMask = new FieldMask { Paths = { "capture_time" } },
        }, cancellationToken: Cancel);
        var moved = await problems.GetProblemAsync(new GetProblemRequest { Name = problem.Name }, cancellationToken: Cancel);
        Assert.Equal(2 + 1.5, moved.Evidence.WeightedScore, 9);
        Assert.False(moved.Evidence.HasOpportunityScore);
        await probe.WaitForAsync<ProblemEvidenceChanged>(m => m.GetProperty("problemId").GetString() == problemId && Math.Abs(m.GetProperty("weightedScore").GetDouble() - 3.5) < 1e-3);

        await problems.UnlinkInsightsAsync(new UnlinkInsightsRequest { Name = problem.Name, Insights = { globex.Name } }, cancellationToken: Cancel);
        await insights.DeleteInsightAsync(new DeleteInsightRequest { Name = oldAcme.Name }, cancellationToken: Cancel);
        var left = await problems.GetProblemAsync(new GetProblemRequest { Name = problem.Name }, cancellationToken: Cancel);
        Assert.Equal((1, 1), (left.Evidence.InsightCount, left.Evidence.DistinctCustomers));
        await probe.WaitForAsync<ProblemEvidenceChanged>(m => m.GetProperty("problemId").GetString() == problemId && m.GetProperty("insightCount").GetInt32() == 1);
        Assert.Equal([problem.Name], (await insights.GetInsightAsync(new GetInsightRequest { Name = newAcme.Name }, cancellationToken: Cancel)).Problems);
        Assert.Single((await insights.ListInsightsAsync(new ListInsightsRequest { Problem = problem.Name }, cancellationToken: Cancel)).Insights);

        await problems.DeleteProblemAsync(new DeleteProblemRequest { Name = problem.Name }, cancellationToken: Cancel);
        await probe.WaitForAsync<ProblemEvidenceChanged>(m => m.GetProperty("problemId").GetString() == problemId && m.GetProperty("insightCount").GetInt32() == 0);
        Assert.Empty((await insights.GetInsightAsync(new GetInsightRequest { Name = newAcme.Name }, cancellationToken: Cancel)).Problems);
    }

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Problems_list_by_evidence_and_refuse_bad_input(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var problems = hosts.Problems(provider, workspace);
        var admin = await hosts.Personas(provider, workspace).CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "IT admin" } }, cancellationToken: Cancel);
        var weak = await problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem { Product = product, Title = "Weak" } }, cancellationToken: Cancel);
        var strong = await problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = product, Title = "Strong", Personas = { admin.Name }, Status = ProblemStatus.Exploring,
        } }, cancellationToken: Cancel);
        await problems.LinkInsightsAsync(new LinkInsightsRequest { Name = strong.Name, Insights = { (await InsightAsync(provider, workspace, "a", 3, 0)).Name } }, cancellationToken: Cancel);
        // New evidence changes the problem, and so its etag.
        var weakLinked = await problems.LinkInsightsAsync(new LinkInsightsRequest { Name = weak.Name, Insights = { (await InsightAsync(provider, workspace, "b", 1, 0)).Name } }, cancellationToken: Cancel);
        Assert.NotEqual(weak.Metadata.Etag, weakLinked.Metadata.Etag);

        var listed = await problems.ListProblemsAsync(new ListProblemsRequest { Product = product }, cancellationToken: Cancel);
        Assert.Equal(["Strong", "Weak"], listed.Problems.Select(p => p.Title));
        Assert.Equal(["Strong"], (await problems.ListProblemsAsync(new ListProblemsRequest { Persona = admin.Name }, cancellationToken: Cancel)).Problems.Select(p => p.Title));
        Assert.Equal(["Weak"], (await problems.ListProblemsAsync(new ListProblemsRequest { Statuses = { ProblemStatus.New } }, cancellationToken: Cancel)).Problems.Select(p => p.Title));
        var validated = await problems.UpdateProblemAsync(new UpdateProblemRequest
        {
            Problem = new Problem { Name = weak.Name, Status = ProblemStatus.Validated, Metadata = weakLinked.Metadata }, UpdateMask = new FieldMask { Paths = { "status" } },
        }, cancellationToken: Cancel);
        Assert.Equal(ProblemStatus.Validated, validated.Status);

        await Rpc.InvalidAsync(problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = product, Title = "", When = new string('w', 501), Personas = { "admin" }, Status = (ProblemStatus)9,
        } }, cancellationToken: Cancel), "problem.title", "problem.when", "problem.personas[0]", "problem.status");
        await Rpc.FailsAsync(StatusCode.NotFound, problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = $"products/{Guid.NewGuid()}", Title = "Nowhere",
        } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem
        {
            Product = product, Title = "Ghost persona", Personas = { $"personas/{Guid.NewGuid()}" },
        } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, problems.LinkInsightsAsync(new LinkInsightsRequest { Name = strong.Name, Insights = { $"insights/{Guid.NewGuid()}" } }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(problems.LinkInsightsAsync(new LinkInsightsRequest { Name = strong.Name }, cancellationToken: Cancel), "insights");
        Assert.Equal(1, (await problems.GetProblemAsync(new GetProblemRequest { Name = strong.Name }, cancellationToken: Cancel)).Evidence.InsightCount);
        await Rpc.FailsAsync(StatusCode.NotFound, hosts.Problems(provider, Guid.NewGuid()).GetProblemAsync(new GetProblemRequest { Name = strong.Name }, cancellationToken: Cancel));

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.CallAsync(HttpMethod.Get, $"/v1/problems?product={product}&statuses=PROBLEM_STATUS_EXPLORING");
        Assert.Equal("Strong", rest.GetProperty("problems")[0].Str("title"));
        var unlinked = await http.CallAsync(HttpMethod.Post, $"/v1/{strong.Name}:unlinkInsights", new { insights = new[] { $"insights/{Guid.NewGuid()}" } });
        Assert.Equal(JsonValueKind.Object, unlinked.GetProperty("evidence").ValueKind);
    }
}
