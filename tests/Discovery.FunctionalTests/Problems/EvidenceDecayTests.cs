using Discovery.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Problems;

/// <summary>
/// Evidence decays with time, not only when it changes: every problem's weighted score is computed as of the start of
/// the current UTC day and refreshed daily, so 90 days on every score has halved and a fresher problem ranks above.
/// </summary>
public sealed class EvidenceDecayTests(DiscoveryClockHosts hosts) : IClassFixture<DiscoveryClockHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Ninety_days_on_every_problems_weighted_evidence_has_halved_and_the_order_follows(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var (problems, insights) = (hosts.Problems(provider, workspace), hosts.Insights(provider, workspace));
        var product = await hosts.NewProductAsync(provider, workspace);
        var dayZero = DiscoveryClockHosts.Start.UtcDateTime.Date;

        async Task<Problem> ProblemAsync(string title, int importance, string account, DateTime captured)
        {
            var problem = await problems.CreateProblemAsync(new CreateProblemRequest { Problem = new Problem { Product = product, Title = title } }, cancellationToken: Cancel);
            var insight = await insights.CreateInsightAsync(new CreateInsightRequest { Insight = new Insight
            {
                Product = product, Source = InsightSource.Interview, Summary = $"{title}: heard from {account}", Importance = importance,
                Customer = new Customer { AccountId = account }, CaptureTime = Timestamp.FromDateTime(captured),
            } }, cancellationToken: Cancel);
            return await problems.LinkInsightsAsync(new LinkInsightsRequest { Name = problem.Name, Insights = { insight.Name } }, cancellationToken: Cancel);
        }

        async Task<List<(string Title, double Score)>> RankedAsync() =>
            [.. (await problems.ListProblemsAsync(new ListProblemsRequest { Product = product }, cancellationToken: Cancel)).Problems
                .Select(p => (p.Title, p.Evidence.WeightedScore))];

        var sso = await ProblemAsync("SSO setup", 3, "acme", dayZero);
        var export = await ProblemAsync("CSV export", 2, "globex", dayZero);
        Assert.Equal([("SSO setup", 3d), ("CSV export", 2d)], await RankedAsync());
        Assert.Equal(dayZero, sso.Evidence.ComputeTime.ToDateTime());

        // Ninety days pass: the daily refresh moves every problem on, though none of their evidence changed.
        hosts.Clock(provider).Advance(TimeSpan.FromDays(90));
        var halved = await Eventually.GetAsync(RankedAsync, r => r.All(p => p.Score < 3 && p.Score != 2), seconds: 30);
        Assert.Equal([("SSO setup", 1.5), ("CSV export", 1.0)], halved);

        // A problem heard of today outranks last quarter's louder one, as the decayed weights say.
        await ProblemAsync("Audit log", 2, "initech", dayZero.AddDays(90));
        Assert.Equal([("Audit log", 2d), ("SSO setup", 1.5), ("CSV export", 1.0)], await RankedAsync());
        var refreshed = await problems.GetProblemAsync(new GetProblemRequest { Name = export.Name }, cancellationToken: Cancel);
        Assert.Equal(dayZero.AddDays(90), refreshed.Evidence.ComputeTime.ToDateTime());
    }
}
