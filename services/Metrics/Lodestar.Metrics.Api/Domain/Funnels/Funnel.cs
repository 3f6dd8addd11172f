using Lodestar.Persistence;

namespace Lodestar.Metrics.Domain.Funnels;

/// <summary>An ordered sequence of events a product wants users to go through.</summary>
public sealed class Funnel : WorkspaceEntity
{
    public const int MaxDisplayName = 200;
    public const int MinSteps = 2;
    public const int MaxSteps = 10;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    public Guid ProductId { get; set; }

    public string DisplayName { get; set; } = "";

    public List<string> Steps { get; set; } = [];

    /// <summary>How long after the first step the last may come.</summary>
    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>The KPI metric key of the funnel's conversion.</summary>
    public string MetricKey => $"conversion:{Id:D}";
}
