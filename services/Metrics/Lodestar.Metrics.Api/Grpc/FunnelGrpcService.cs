using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Activity;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Funnels;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>lodestar.metrics.v1.FunnelService: funnels, click-through and engagement from the stored events.</summary>
public sealed class FunnelGrpcService(MetricsDbContext db) : V1.FunnelService.FunnelServiceBase
{
    private const int MaxDays = 366;

    public override async Task<V1.Funnel> CreateFunnel(V1.CreateFunnelRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var input = request.Funnel ?? throw new ValidationException("funnel", "Required.");
        var funnel = new Funnel { ProductId = product.Id };
        FunnelEditor.Apply(funnel, input, input.ConversionWindow is null ? ["display_name", "steps"] : FunnelEditor.Fields);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        db.Funnels.Add(funnel);
        await db.SaveChangesAsync(context.CancellationToken);
        await db.MarkMetricsStaleAsync(product.Id, 0, context.CancellationToken);
        await db.AnnounceAsync(product.Id, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return FunnelMapping.ToProto(funnel);
    }

    public override async Task<V1.Funnel> GetFunnel(V1.GetFunnelRequest request, ServerCallContext context) =>
        FunnelMapping.ToProto(await db.FindFunnelAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListFunnelsResponse> ListFunnels(V1.ListFunnelsRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListFunnels), request.Parent),
            (skip, take) => db.Funnels.AsNoTracking().Where(f => f.ProductId == product.Id).OrderBy(f => f.DisplayName).ThenBy(f => f.Id)
                .Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListFunnelsResponse { Funnels = { page.Select(FunnelMapping.ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.Funnel> UpdateFunnel(V1.UpdateFunnelRequest request, ServerCallContext context)
    {
        var input = request.Funnel ?? throw new ValidationException("funnel", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, FunnelEditor.Fields);
        var funnel = await db.FindFunnelAsync(input.Name, "funnel.name", context.CancellationToken);
        db.ExpectETag(funnel, input.Metadata?.Etag, "funnel.metadata.etag");
        FunnelEditor.Apply(funnel, input, [.. paths]);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await db.MarkMetricsStaleAsync(funnel.ProductId, 0, context.CancellationToken);
        if (paths.Contains("display_name")) await db.AnnounceAsync(funnel.ProductId, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return FunnelMapping.ToProto(funnel);
    }

    public override async Task<Empty> DeleteFunnel(V1.DeleteFunnelRequest request, ServerCallContext context)
    {
        var funnel = await db.FindFunnelAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(funnel, request.Etag);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        db.Funnels.Remove(funnel);
        await db.SaveChangesAsync(context.CancellationToken);
        // Its conversion is no metric any more: neither its latest value nor its history is served, nor can KPIs bind to it.
        await db.MetricValues.Where(v => v.ProductId == funnel.ProductId && v.MetricKey == funnel.MetricKey).ExecuteDeleteAsync(context.CancellationToken);
        await db.MetricDayValues.Where(v => v.ProductId == funnel.ProductId && v.MetricKey == funnel.MetricKey).ExecuteDeleteAsync(context.CancellationToken);
        await db.AnnounceAsync(funnel.ProductId, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.FunnelReport> GetFunnelReport(V1.GetFunnelReportRequest request, ServerCallContext context)
    {
        var funnel = await db.FindFunnelAsync(request.Name, "name", context.CancellationToken);
        var violations = new Violations();
        var (from, to) = ActivityMapping.ReadRange(violations, request.StartDate, request.EndDate, CalendarPeriod.Day, MaxDays);
        violations.ThrowIfAny();
        var users = await db.UsersPerStepAsync(funnel, from, to, context.CancellationToken);
        return funnel.ToReport(users);
    }

    public override async Task<V1.ClickThroughReport> GetClickThroughRate(V1.GetClickThroughRateRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Product, "product", context.CancellationToken);
        var violations = new Violations();
        if (!EventRules.IsEventName(request.ImpressionEvent)) violations.Add("impression_event", "Required: an event name.");
        if (!EventRules.IsEventName(request.ClickEvent)) violations.Add("click_event", "Required: an event name.");
        var (from, to) = ActivityMapping.ReadRange(violations, request.StartDate, request.EndDate, CalendarPeriod.Day, MaxDays);
        violations.ThrowIfAny();
        var (first, last) = (UtcDays.Of(from), UtcDays.Of(to));
        var counts = await db.DailyEventCountsAsync(product.Id, [request.ImpressionEvent, request.ClickEvent], first, last, context.CancellationToken);
        long Count(int day, string name) => counts.GetValueOrDefault((day, name));
        var report = new V1.ClickThroughReport();
        for (var day = first; day <= last; day++)
        {
            var (impressions, clicks) = (Count(day, request.ImpressionEvent), Count(day, request.ClickEvent));
            report.Days.Add(new V1.DailyClickThrough { Date = UtcDays.ToDate(day).ToProto(), Impressions = impressions, Clicks = clicks, Rate = FunnelMapping.Ratio(clicks, impressions) });
            report.Impressions += impressions;
            report.Clicks += clicks;
        }
        report.Rate = FunnelMapping.Ratio(report.Clicks, report.Impressions);
        return report;
    }

    public override async Task<V1.EngagementReport> GetEngagement(V1.GetEngagementRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Product, "product", context.CancellationToken);
        var violations = new Violations();
        var byName = !string.IsNullOrEmpty(request.EventName);
        if (byName && !EventRules.IsEventName(request.EventName)) violations.Add("event_name", "Not an event name.");
        var (from, to) = ActivityMapping.ReadRange(violations, request.StartDate, request.EndDate, CalendarPeriod.Day, MaxDays);
        violations.ThrowIfAny();
        var (first, last) = (UtcDays.Of(from), UtcDays.Of(to));
        var range = db.Events.AsNoTracking().Where(e => e.ProductId == product.Id && e.Day >= first && e.Day <= last);
        var counted = byName ? range.Where(e => e.EventName == request.EventName) : range;
        var events = await counted.GroupBy(e => e.Day).Select(g => new { Day = g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Day, g => g.Count, context.CancellationToken);
        var active = await range.GroupBy(e => e.Day).Select(g => new { Day = g.Key, Users = g.Select(e => e.UserIndex).Distinct().LongCount() })
            .ToDictionaryAsync(g => g.Day, g => g.Users, context.CancellationToken);
        var report = new V1.EngagementReport
        {
            Events = events.Values.Sum(),
            ActiveUsers = await range.Select(e => e.UserIndex).Distinct().LongCountAsync(context.CancellationToken),
        };
        report.EventsPerActiveUser = FunnelMapping.Ratio(report.Events, report.ActiveUsers);
        for (var day = first; day <= last; day++)
        {
            var (count, users) = (events.GetValueOrDefault(day), active.GetValueOrDefault(day));
            report.Days.Add(new V1.DailyEngagement { Date = UtcDays.ToDate(day).ToProto(), Events = count, ActiveUsers = users, EventsPerActiveUser = FunnelMapping.Ratio(count, users) });
        }
        return report;
    }
}
