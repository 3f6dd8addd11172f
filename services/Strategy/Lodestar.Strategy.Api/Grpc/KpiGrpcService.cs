using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain;
using Lodestar.Strategy.Domain.Kpis;
using Lodestar.Strategy.Domain.Products;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.KpiService: KPIs, their status and history.</summary>
public sealed class KpiGrpcService(StrategyDbContext db) : V1.KpiService.KpiServiceBase
{
    public override async Task<V1.Kpi> CreateKpi(V1.CreateKpiRequest request, ServerCallContext context)
    {
        var input = request.Kpi ?? throw new ValidationException("kpi", "Required.");
        var productId = ResourceNames.ParseId(input.Product, StrategyNames.Products, "kpi.product");
        var kpi = KpiEditor.Create(input, productId);
        (await db.FindProductAsync(productId, input.Product, context.CancellationToken)).EnsureChangeable();
        (await db.CheckMetricKeyAsync(new Violations(), "kpi.metric_key", productId, input.MetricKey, context.CancellationToken)).ThrowIfAny();

        await db.EnsureSingleNorthStarAsync(kpi, "kpi.north_star", context.CancellationToken);
        if (await db.Kpis.AnyAsync(k => k.ProductId == productId && k.MetricKey == kpi.MetricKey, context.CancellationToken))
            throw new AlreadyExistsException("Kpi", $"{input.Product} metric {kpi.MetricKey}");
        db.Kpis.Add(kpi);
        // A metric that already reported gives the KPI its value and status at once (announced like any status change).
        if (await db.MetricReadings.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == productId && r.MetricKey == kpi.MetricKey, context.CancellationToken) is { } reading)
        {
            db.KpiValues.Add(kpi.Record(reading.Value, MetricDays.DayOf(reading.Date, reading.MeasuredAt), reading.MeasuredAt));
            if (kpi.Announce(out var previous)) db.AnnounceStatusChanged(kpi, previous);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return kpi.ToProto();
    }

    public override async Task<V1.Kpi> GetKpi(V1.GetKpiRequest request, ServerCallContext context) =>
        (await db.FindKpiAsync(request.Name, "name", context.CancellationToken)).ToProto();

    public override async Task<V1.ListKpisResponse> ListKpis(V1.ListKpisRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, StrategyNames.Products, "product");
        var query = db.Kpis.AsNoTracking();
        if (productId is { } id) query = query.Where(k => k.ProductId == id);
        var (kpis, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListKpis), request.Product),
            (skip, take) => query.OrderBy(k => k.DisplayName).ThenBy(k => k.CreateTime).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListKpisResponse { Kpis = { kpis.Select(k => k.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Kpi> UpdateKpi(V1.UpdateKpiRequest request, ServerCallContext context)
    {
        var input = request.Kpi ?? throw new ValidationException("kpi", "Required.");
        var kpi = await db.FindKpiAsync(input.Name, "kpi.name", context.CancellationToken);
        db.ExpectETag(kpi, input.Metadata?.Etag, "kpi.metadata.etag");
        if (request.UpdateMask is not { Paths.Count: > 0 } mask) throw new ValidationException("update_mask", "Name the fields to change.");

        KpiEditor.Apply(kpi, input, FieldMasks.Paths(mask));
        await db.EnsureSingleNorthStarAsync(kpi, "kpi.north_star", context.CancellationToken);

        kpi.Recompute();
        if (kpi.Announce(out var previous)) db.AnnounceStatusChanged(kpi, previous);
        await db.SaveChangesAsync(context.CancellationToken);
        return kpi.ToProto();
    }

    public override async Task<Empty> DeleteKpi(V1.DeleteKpiRequest request, ServerCallContext context)
    {
        var kpi = await db.FindKpiAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(kpi, request.Etag);
        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.ListKpiValuesResponse> ListKpiValues(V1.ListKpiValuesRequest request, ServerCallContext context)
    {
        var kpi = await db.FindKpiAsync(request.Parent, "parent", context.CancellationToken);
        var (values, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListKpiValues), request.Parent),
            (skip, take) => db.KpiValues.AsNoTracking().Where(v => v.KpiId == kpi.Id)
                .OrderByDescending(v => v.Date).ThenByDescending(v => v.MeasureTime).ThenByDescending(v => v.CreateTime)
                .Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListKpiValuesResponse { Values = { values.Select(v => v.ToProto()) }, NextPageToken = next };
    }
}
