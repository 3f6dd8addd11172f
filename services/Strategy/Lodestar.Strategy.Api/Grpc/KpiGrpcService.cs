using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Errors;
using Lodestar.ServiceDefaults;
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
        var productId = ResourceNames.ParseId(input.Product, ProductMapping.Products, "kpi.product");
        Validate(input, ["display_name", "direction", "target", "at_risk_band"], "kpi").Check("kpi.metric_key", input.MetricKey).ThrowIfAny();
        (await db.FindProductAsync(productId, input.Product, context.CancellationToken)).EnsureChangeable();
        (await db.CheckMetricKeyAsync(new Violations(), "kpi.metric_key", productId, input.MetricKey, context.CancellationToken)).ThrowIfAny();

        var kpi = new Kpi
        {
            ProductId = productId,
            DisplayName = input.DisplayName.Trim(),
            MetricKey = input.MetricKey,
            Direction = (KpiDirection)input.Direction,
            Target = input.Target,
            AtRiskBand = input.AtRiskBand,
            NorthStar = input.NorthStar,
        };
        if (kpi.NorthStar) await EnsureSingleNorthStarAsync(kpi, "kpi.north_star", context.CancellationToken);
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
        (await FindAsync(request.Name, "name", context.CancellationToken)).ToProto();

    public override async Task<V1.ListKpisResponse> ListKpis(V1.ListKpisRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, ProductMapping.Products, "product");
        var query = db.Kpis.AsNoTracking();
        if (productId is { } id) query = query.Where(k => k.ProductId == id);
        var (kpis, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListKpis), request.Product),
            (skip, take) => query.OrderBy(k => k.DisplayName).ThenBy(k => k.CreateTime).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListKpisResponse { Kpis = { kpis.Select(k => k.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Kpi> UpdateKpi(V1.UpdateKpiRequest request, ServerCallContext context)
    {
        var input = request.Kpi ?? throw new ValidationException("kpi", "Required.");
        var kpi = await FindAsync(input.Name, "kpi.name", context.CancellationToken);
        db.ExpectETag(kpi, input.Metadata?.Etag, "kpi.metadata.etag");
        if (request.UpdateMask is not { Paths.Count: > 0 } mask) throw new ValidationException("update_mask", "Name the fields to change.");

        var paths = FieldMasks.Paths(mask);
        var violations = Validate(input, paths, "kpi");
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name": kpi.DisplayName = input.DisplayName.Trim(); break;
                case "direction": kpi.Direction = (KpiDirection)input.Direction; break;
                case "target": kpi.Target = input.Target; break;
                case "at_risk_band": kpi.AtRiskBand = input.AtRiskBand; break;
                case "north_star": kpi.NorthStar = input.NorthStar; break;
                default: violations.Add("update_mask", $"'{path}' is not an updatable field."); break;
            }
        }
        violations.ThrowIfAny();
        if (kpi.NorthStar) await EnsureSingleNorthStarAsync(kpi, "kpi.north_star", context.CancellationToken);

        kpi.Recompute();
        if (kpi.Announce(out var previous)) db.AnnounceStatusChanged(kpi, previous);
        await db.SaveChangesAsync(context.CancellationToken);
        return kpi.ToProto();
    }

    public override async Task<Empty> DeleteKpi(V1.DeleteKpiRequest request, ServerCallContext context)
    {
        var kpi = await FindAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(kpi, request.Etag);
        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.ListKpiValuesResponse> ListKpiValues(V1.ListKpiValuesRequest request, ServerCallContext context)
    {
        var kpi = await FindAsync(request.Parent, "parent", context.CancellationToken);
        var (values, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListKpiValues), request.Parent),
            (skip, take) => db.KpiValues.AsNoTracking().Where(v => v.KpiId == kpi.Id)
                .OrderByDescending(v => v.Date).ThenByDescending(v => v.MeasureTime).ThenByDescending(v => v.CreateTime)
                .Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListKpiValuesResponse { Values = { values.Select(v => v.ToProto()) }, NextPageToken = next };
    }

    private static Violations Validate(V1.Kpi input, IEnumerable<string> fields, string prefix)
    {
        var violations = new Violations();
        foreach (var field in fields)
        {
            _ = field switch
            {
                "display_name" => violations.RequiredText($"{prefix}.display_name", input.DisplayName, Kpi.MaxDisplayName),
                "direction" => violations.DefinedEnum($"{prefix}.direction", input.Direction, allowZero: false),
                "target" => double.IsFinite(input.Target) ? violations : violations.Add($"{prefix}.target", "Must be a finite number."),
                "at_risk_band" => double.IsFinite(input.AtRiskBand) && input.AtRiskBand >= 0
                    ? violations : violations.Add($"{prefix}.at_risk_band", "Must be a finite number, zero or more."),
                _ => violations,
            };
        }
        return violations;
    }

    private async Task EnsureSingleNorthStarAsync(Kpi kpi, string field, CancellationToken cancellationToken)
    {
        var other = await db.Kpis.Where(k => k.ProductId == kpi.ProductId && k.NorthStar && k.Id != kpi.Id)
            .Select(k => k.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
            throw new ValidationException(field, $"The product's North Star is already '{other}': unset it first.");
    }

    private async Task<Kpi> FindAsync(string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, KpiMapping.Kpis, field);
        return await db.Kpis.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new NotFoundException("Kpi", name);
    }
}
