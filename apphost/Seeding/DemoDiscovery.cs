using Google.Protobuf.WellKnownTypes;
using DiscoveryV1 = Lodestar.Discovery.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>The demo's discovery: personas, problems with a few hundred linked insights, and hypotheses.</summary>
internal static class DemoDiscovery
{
    public const int InsightCount = 320;
    private const int CustomerCount = 110;

    public static async Task<DiscoverySeed> CreateAsync(LodestarClients api, StrategySeed strategy, Random random, CancellationToken cancellationToken)
    {
        var personas = new List<DiscoveryV1.Persona>();
        foreach (var persona in DemoEvidence.Personas)
        {
            personas.Add(await DemoWorkspace.WhenKnownAsync(() => api.Personas.CreatePersonaAsync(new DiscoveryV1.CreatePersonaRequest
            {
                Persona = new DiscoveryV1.Persona
                {
                    Product = strategy.Product, DisplayName = persona.Name, Segment = persona.Segment,
                    Goals = { persona.Goals }, PainPoints = { persona.Pains }, Behaviours = { persona.Behaviours },
                },
            }, cancellationToken: cancellationToken).ResponseAsync, cancellationToken));
        }

        var problems = new List<DiscoveryV1.Problem>();
        foreach (var (problem, index) in DemoEvidence.Problems.Select((p, i) => (p, i)))
        {
            problems.Add(await DemoWorkspace.WhenKnownAsync(() => api.Problems.CreateProblemAsync(new DiscoveryV1.CreateProblemRequest
            {
                Problem = new DiscoveryV1.Problem
                {
                    Product = strategy.Product, Title = problem.Title, When = problem.When, Want = problem.Want, SoThat = problem.SoThat,
                    Personas = { personas[problem.Persona].Name }, Goals = { strategy.Goals[index % strategy.Goals.Count].Name },
                    Status = index < 2 ? DiscoveryV1.ProblemStatus.Validated : index < 4 ? DiscoveryV1.ProblemStatus.Exploring : DiscoveryV1.ProblemStatus.New,
                },
            }, cancellationToken: cancellationToken).ResponseAsync, cancellationToken));
        }

        // Insights: each from one of the customers, about one problem (by weight); one in ten stays unlinked, to triage.
        var about = new int[InsightCount];
        var batch = new DiscoveryV1.BatchCreateInsightsRequest();
        for (var i = 0; i < InsightCount; i++)
        {
            about[i] = i % 10 == 9 ? -1 : Pick(random, DemoEvidence.Problems.Select(p => p.Weight).ToArray());
            batch.Requests.Add(new DiscoveryV1.CreateInsightRequest { Insight = Insight(strategy.Product, personas, about[i], random) });
        }
        var created = await api.Insights.BatchCreateInsightsAsync(batch, cancellationToken: cancellationToken);
        for (var p = 0; p < problems.Count; p++)
        {
            var evidence = created.Insights.Where((_, i) => about[i] == p).Select(x => x.Name).ToList();
            await api.Problems.LinkInsightsAsync(new DiscoveryV1.LinkInsightsRequest { Name = problems[p].Name, Insights = { evidence } }, cancellationToken: cancellationToken);
        }
        return new DiscoverySeed(personas, problems, created.Insights.Count);
    }

    /// <summary>Hypotheses on the best-evidenced problems, each naming the item that would test it; the first is tested by the running experiment.</summary>
    public static async Task<IReadOnlyList<DiscoveryV1.Hypothesis>> AddHypothesesAsync(
        LodestarClients api, StrategySeed strategy, DiscoverySeed discovery, BacklogSeed backlog, CancellationToken cancellationToken)
    {
        var hypotheses = new (string Change, string Outcome, string Metric, double Effect, int Problem, DiscoveryV1.HypothesisStatus Status)[]
        {
            ("an onboarding checklist that ends with a scheduled report", "more new users create their first report in week one", "report.created", 0.15, 0, DiscoveryV1.HypothesisStatus.Testing),
            ("shared metric definitions across all reports", "fewer reviews spent reconciling numbers", "nps", 0.1, 1, DiscoveryV1.HypothesisStatus.Draft),
            ("a mobile summary of the three key figures", "regional directors open the report weekly", "wau", 0.1, 2, DiscoveryV1.HypothesisStatus.Draft),
            ("alerts when a store drops below plan", "problems are fixed within the week", "retention_d7", 0.05, 3, DiscoveryV1.HypothesisStatus.Draft),
        };
        var created = new List<DiscoveryV1.Hypothesis>();
        foreach (var h in hypotheses)
        {
            var problem = discovery.Problems[h.Problem];
            var item = backlog.SolutionOf(problem.Name);
            created.Add(await api.Hypotheses.CreateHypothesisAsync(new DiscoveryV1.CreateHypothesisRequest
            {
                Hypothesis = new DiscoveryV1.Hypothesis
                {
                    Product = strategy.Product, Change = h.Change, Outcome = h.Outcome, MetricKey = h.Metric, MinimumEffect = h.Effect,
                    Persona = problem.Personas[0], Problem = problem.Name, BacklogItem = item ?? "", Status = h.Status,
                },
            }, cancellationToken: cancellationToken));
        }
        return created;
    }

    /// <summary>Records which experiment tests the hypothesis.</summary>
    public static Task LinkExperimentAsync(LodestarClients api, DiscoveryV1.Hypothesis hypothesis, string experiment, CancellationToken cancellationToken) =>
        api.Hypotheses.UpdateHypothesisAsync(new DiscoveryV1.UpdateHypothesisRequest
        {
            Hypothesis = new DiscoveryV1.Hypothesis { Name = hypothesis.Name, Experiment = "experiments/" + experiment.Split('/')[^1] },
            UpdateMask = DemoWorkspace.Mask("experiment"),
        }, cancellationToken: cancellationToken).ResponseAsync;

    private static DiscoveryV1.Insight Insight(string product, List<DiscoveryV1.Persona> personas, int problem, Random random)
    {
        var customer = random.Next(CustomerCount);
        var company = $"{DemoEvidence.Companies[customer % DemoEvidence.Companies.Length]} {DemoEvidence.Kinds[customer % DemoEvidence.Kinds.Length]}";
        var persona = problem >= 0 && random.NextDouble() < 0.7 ? DemoEvidence.Problems[problem].Persona : random.Next(personas.Count);
        var said = problem >= 0
            ? DemoEvidence.Problems[problem].Said[random.Next(DemoEvidence.Problems[problem].Said.Length)]
            : "Asked about pricing for additional seats.";
        var source = (DiscoveryV1.InsightSource)(1 + random.Next(5));
        var insight = new DiscoveryV1.Insight
        {
            Product = product,
            Source = source,
            Summary = $"{company}: {said}",
            Customer = new DiscoveryV1.Customer
            {
                AccountId = $"acct-{customer:D4}",
                DisplayName = company,
                Segment = DemoEvidence.Segments[customer % DemoEvidence.Segments.Length],
                RevenueBand = DemoEvidence.RevenueBands[customer % DemoEvidence.RevenueBands.Length],
            },
            Persona = personas[persona].Name,
            Importance = problem is 0 or 1 ? 2 + random.Next(2) : random.Next(4),
            Sentiment = random.NextDouble() < 0.7 ? DiscoveryV1.Sentiment.Negative : DiscoveryV1.Sentiment.Neutral,
            Tags = { problem >= 0 ? $"theme-{problem + 1}" : "pricing", source.ToString().ToLowerInvariant() },
            CaptureTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-random.Next(90)).AddMinutes(-random.Next(1440))),
        };
        if (source == DiscoveryV1.InsightSource.Survey) insight.Satisfaction = Math.Round(random.NextDouble() * 0.6, 2);
        if (random.NextDouble() < 0.3) insight.Quote = $"“{said}”";
        return insight;
    }

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.Length - 1;
    }
}
