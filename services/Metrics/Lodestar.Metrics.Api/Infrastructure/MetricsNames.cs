namespace Lodestar.Metrics.Infrastructure;

/// <summary>The collection names in metrics' resource names, its own and those of resources other services own.</summary>
public static class MetricsNames
{
    public const string Products = "products";
    public const string Surveys = "surveys";
    public const string Experiments = "experiments";
    public const string Hypotheses = "hypotheses";
    public const string Funnels = "funnels";
    public const string MetricValues = "metricValues";
    public const string ReleaseMarkers = "releaseMarkers";
    public const string BacklogItems = "backlogItems";
}
