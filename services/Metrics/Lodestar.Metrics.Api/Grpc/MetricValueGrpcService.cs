using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Activity;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>lodestar.metrics.v1.MetricValueService: KPI metric values, release markers and release impact.</summary>
public sealed class MetricValueGrpcService(MetricsDbContext db, AggregateReader reader, AggregateRebuilder rebuilder, TimeProvider clock)
    : V1.MetricValueService.MetricValueServiceBase
{
    private const int DefaultWindow = 14;
    private const int MaxWindow = 90;

    public override async Task<V1.ListMetricValuesResponse> ListMetricValues(V1.ListMetricValuesRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var values = await db.MetricValues.AsNoTracking().Where(v => v.ProductId == product.Id).OrderBy(v => v.MetricKey).ToListAsync(context.CancellationToken);
        return new V1.ListMetricValuesResponse { MetricValues = { values.Select(ToProto) } };
    }

    public override async Task<V1.MetricValue> GetMetricValue(V1.GetMetricValueRequest request, ServerCallContext context)
    {
        var prefix = $"{MetricsNames.Products}/";
        var marker = $"/{MetricsNames.MetricValues}/";
        var at = request.Name.IndexOf(marker, StringComparison.Ordinal);
        if (!request.Name.StartsWith(prefix, StringComparison.Ordinal) || at < 0 || at + marker.Length >= request.Name.Length)
            throw new ValidationException("name", "Expected products/{product}/metricValues/{metric_key}.");
        var product = await db.FindProductAsync(request.Name[..at], "name", context.CancellationToken);
        var key = request.Name[(at + marker.Length)..];
        var value = await db.MetricValues.AsNoTracking().FirstOrDefaultAsync(v => v.ProductId == product.Id && v.MetricKey == key, context.CancellationToken)
            ?? throw new NotFoundException("MetricValue", request.Name);
        return ToProto(value);
    }

    public override async Task<V1.ListReleaseMarkersResponse> ListReleaseMarkers(V1.ListReleaseMarkersRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListReleaseMarkers), request.Parent),
            (skip, take) => db.ReleaseMarkers.AsNoTracking().Where(m => m.ProductId == product.Id).OrderByDescending(m => m.ShippedAt).ThenBy(m => m.Id)
                .Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListReleaseMarkersResponse { ReleaseMarkers = { page.Select(ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.ReleaseImpact> GetReleaseImpact(V1.GetReleaseImpactRequest request, ServerCallContext context)
    {
        var marker = await db.FindReleaseMarkerAsync(request.Name, "name", context.CancellationToken);
        var violations = new Violations();
        if (!MetricKeys.Daily.Contains(request.MetricKey)) violations.Add("metric_key", $"One of {string.Join(", ", MetricKeys.Daily)}.");
        if (request.WindowDays is < 0 or > MaxWindow) violations.Add("window_days", $"1–{MaxWindow}.");
        violations.ThrowIfAny();
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == marker.ProductId, context.CancellationToken)
            ?? throw new NotFoundException("Product", ResourceNames.Format(MetricsNames.Products, marker.ProductId));
        await rebuilder.EnsureCurrentAsync(product, context.CancellationToken);

        var window = request.WindowDays == 0 ? DefaultWindow : request.WindowDays;
        var release = UtcDays.Of(marker.ShippedAt);
        var lastComplete = UtcDays.Of(clock.GetUtcNow().UtcDateTime) - 1;
        var (first, last) = (release - window, Math.Max(release - 1, Math.Min(lastComplete, release + window - 1)));
        var sets = await reader.ActiveDailyAsync(product.Id, new DayRange(ActivityCalculator.FirstDayNeeded(first), last));
        var impact = ImpactCalculator.Compare(ActivityCalculator.Series(sets, first, last), request.MetricKey, release, window, lastComplete);
        var result = new V1.ReleaseImpact
        {
            MetricKey = request.MetricKey,
            Before = ToProto(impact.Before),
            After = ToProto(impact.After),
            AbsoluteChange = impact.AbsoluteChange,
            Complete = impact.Complete,
        };
        if (impact.RelativeChange is { } relative) result.RelativeChange = relative;
        return result;
    }

    private static V1.ImpactWindow ToProto(ImpactCalculator.Window window) => new()
    {
        StartDate = UtcDays.ToDate(window.FirstDay).ToProto(),
        EndDate = UtcDays.ToDate(window.LastDay).ToProto(),
        Days = window.Days,
        Mean = window.Mean,
    };

    private static V1.MetricValue ToProto(MetricValue value) => new()
    {
        Name = $"{ResourceNames.Format(MetricsNames.Products, value.ProductId)}/{MetricsNames.MetricValues}/{value.MetricKey}",
        MetricKey = value.MetricKey,
        Value = value.Value,
        MeasureTime = value.MeasuredAt.ToUtcTimestamp(),
        AsOfDate = UtcDays.ToDate(value.Day).ToProto(),
    };

    private static V1.ReleaseMarker ToProto(ReleaseMarker marker) => new()
    {
        Name = ResourceNames.Format(MetricsNames.Products, marker.ProductId, MetricsNames.ReleaseMarkers, marker.Id),
        BacklogItem = ResourceNames.Format(MetricsNames.BacklogItems, marker.Id),
        Title = marker.Title,
        ShipTime = marker.ShippedAt.ToUtcTimestamp(),
        Hypotheses = { marker.HypothesisIds.Select(h => ResourceNames.Format(MetricsNames.Hypotheses, h)) },
    };
}
