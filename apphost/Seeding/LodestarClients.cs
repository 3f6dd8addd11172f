using Grpc.Core;
using Grpc.Core.Interceptors;
using Lodestar.ServiceDefaults;
using BacklogV1 = Lodestar.Backlog.V1;
using DiscoveryV1 = Lodestar.Discovery.V1;
using MetricsV1 = Lodestar.Metrics.V1;
using StrategyV1 = Lodestar.Strategy.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>
/// Every service's public API as one caller sees it through the gateway: the caller's token and workspace on each call
/// and a deadline on each call that sets none, and
/// calls refused by the workspace's rate limit repeated after the delay the gateway names.
/// </summary>
public sealed class LodestarClients
{
    public LodestarClients(CallInvoker gateway, string bearerToken, Guid workspace, TimeSpan? deadline = null)
    {
        var invoker = gateway
            // Each attempt gets its own deadline: the retry wraps the deadline, not the other way round.
            .Intercept(new DeadlineInterceptor(deadline ?? TimeSpan.FromSeconds(30)))
            .Intercept(new RateLimitRetryInterceptor())
            .Intercept(metadata =>
            {
                metadata.Add("authorization", "Bearer " + bearerToken);
                metadata.Add(Security.LodestarClaims.WorkspaceHeader, workspace.ToString());
                return metadata;
            });
        Products = new(invoker);
        Goals = new(invoker);
        Kpis = new(invoker);
        Roadmap = new(invoker);
        Items = new(invoker);
        Prioritization = new(invoker);
        Sprints = new(invoker);
        Personas = new(invoker);
        Insights = new(invoker);
        Problems = new(invoker);
        Hypotheses = new(invoker);
        Events = new(invoker);
        Experiments = new(invoker);
        MetricValues = new(invoker);
        Surveys = new(invoker);
        Activity = new(invoker);
        Funnels = new(invoker);
    }

    public StrategyV1.ProductService.ProductServiceClient Products { get; }

    public StrategyV1.GoalService.GoalServiceClient Goals { get; }

    public StrategyV1.KpiService.KpiServiceClient Kpis { get; }

    public StrategyV1.RoadmapService.RoadmapServiceClient Roadmap { get; }

    public BacklogV1.BacklogItemService.BacklogItemServiceClient Items { get; }

    public BacklogV1.PrioritizationService.PrioritizationServiceClient Prioritization { get; }

    public BacklogV1.SprintService.SprintServiceClient Sprints { get; }

    public DiscoveryV1.PersonaService.PersonaServiceClient Personas { get; }

    public DiscoveryV1.InsightService.InsightServiceClient Insights { get; }

    public DiscoveryV1.ProblemService.ProblemServiceClient Problems { get; }

    public DiscoveryV1.HypothesisService.HypothesisServiceClient Hypotheses { get; }

    public MetricsV1.EventService.EventServiceClient Events { get; }

    public MetricsV1.ExperimentService.ExperimentServiceClient Experiments { get; }

    public MetricsV1.MetricValueService.MetricValueServiceClient MetricValues { get; }

    public MetricsV1.SurveyService.SurveyServiceClient Surveys { get; }

    public MetricsV1.ActivityService.ActivityServiceClient Activity { get; }

    public MetricsV1.FunnelService.FunnelServiceClient Funnels { get; }
}
