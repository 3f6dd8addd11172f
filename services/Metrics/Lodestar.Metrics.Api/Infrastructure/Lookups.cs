using Lodestar.Errors;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Domain.Funnels;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Domain.Products;
using Lodestar.Metrics.Domain.Surveys;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Resolves the resources a request names, in the caller's workspace: malformed is INVALID_ARGUMENT, unknown NOT_FOUND.</summary>
public static class Lookups
{
    public const string Products = "products";
    public const string Surveys = "surveys";
    public const string Experiments = "experiments";
    public const string Hypotheses = "hypotheses";
    public const string Funnels = "funnels";
    public const string MetricValues = "metricValues";
    public const string ReleaseMarkers = "releaseMarkers";
    public const string BacklogItems = "backlogItems";

    /// <summary>A product of the caller's workspace that strategy announced; read without tracking.</summary>
    public static async Task<MetricsProduct> FindProductAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Products, field);
        return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);
    }

    public static async Task<Survey> FindSurveyAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, Products, Surveys, field);
        return await db.Surveys.FirstOrDefaultAsync(s => s.Id == id && s.ProductId == product, cancellationToken) ?? throw new NotFoundException("Survey", name);
    }

    public static async Task<Experiment> FindExperimentAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, Products, Experiments, field);
        return await db.Experiments.FirstOrDefaultAsync(e => e.Id == id && e.ProductId == product, cancellationToken) ?? throw new NotFoundException("Experiment", name);
    }

    public static async Task<Funnel> FindFunnelAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, Products, Funnels, field);
        return await db.Funnels.FirstOrDefaultAsync(f => f.Id == id && f.ProductId == product, cancellationToken) ?? throw new NotFoundException("Funnel", name);
    }

    public static async Task<ReleaseMarker> FindReleaseMarkerAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, Products, ReleaseMarkers, field);
        return await db.ReleaseMarkers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ProductId == product, cancellationToken)
            ?? throw new NotFoundException("ReleaseMarker", name);
    }

    /// <summary>
    /// Marks the product's metric values from <paramref name="fromDay"/> on for recomputation (see MetricValueRecorder);
    /// 0 for every day.
    /// </summary>
    public static Task MarkMetricsStaleAsync(this MetricsDbContext db, Guid productId, int fromDay, CancellationToken cancellationToken) =>
        db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(set => set.MarkMetricsStale(fromDay), cancellationToken);

    /// <summary>The setters of <see cref="MarkMetricsStaleAsync"/>, for an update that sets more.</summary>
    public static UpdateSettersBuilder<MetricsProduct> MarkMetricsStale(this UpdateSettersBuilder<MetricsProduct> set, int fromDay) => set
        .SetProperty(p => p.MetricsRevision, p => p.MetricsRevision + 1)
        .SetProperty(p => p.MetricsStale, true)
        .SetProperty(p => p.MetricsDirtyFrom, p => p.MetricsDirtyFrom == null || p.MetricsDirtyFrom > fromDay ? fromDay : p.MetricsDirtyFrom);
}
