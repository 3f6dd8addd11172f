using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.RoadmapService: initiatives and the roadmap view.</summary>
public sealed class RoadmapGrpcService(StrategyDbContext db) : V1.RoadmapService.RoadmapServiceBase
{
    public override async Task<V1.Initiative> CreateInitiative(V1.CreateInitiativeRequest request, ServerCallContext context)
    {
        var input = request.Initiative ?? throw new ValidationException("initiative", "Required.");
        var productId = ResourceNames.ParseId(input.Product, StrategyNames.Products, "initiative.product");
        var initiative = new Initiative { ProductId = productId };
        var goalNames = InitiativeEditor.Apply(initiative, input, InitiativeEditor.Fields);
        (await db.FindProductAsync(productId, input.Product, context.CancellationToken)).EnsureChangeable();
        await db.LinkGoalsAsync(initiative, goalNames, context.CancellationToken);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ToProtoAsync(initiative, context.CancellationToken);
    }

    public override async Task<V1.Initiative> GetInitiative(V1.GetInitiativeRequest request, ServerCallContext context) =>
        await ToProtoAsync(await db.FindInitiativeAsync(request.Name, "name", context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListInitiativesResponse> ListInitiatives(V1.ListInitiativesRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, StrategyNames.Products, "product");
        var query = db.Initiatives.AsNoTracking();
        if (productId is { } id) query = query.Where(i => i.ProductId == id);
        var (initiatives, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken,
            Pagination.Fingerprint(nameof(ListInitiatives), request.Product),
            (skip, take) => query.OrderBy(i => i.Title).ThenBy(i => i.CreateTime).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        var delivery = await db.DeliveryOfAsync(initiatives, context.CancellationToken);
        return new V1.ListInitiativesResponse { Initiatives = { initiatives.Select(i => i.ToProto(delivery)) }, NextPageToken = next };
    }

    public override async Task<V1.Initiative> UpdateInitiative(V1.UpdateInitiativeRequest request, ServerCallContext context)
    {
        var input = request.Initiative ?? throw new ValidationException("initiative", "Required.");
        var initiative = await db.FindInitiativeAsync(input.Name, "initiative.name", context.CancellationToken);
        db.ExpectETag(initiative, input.Metadata?.Etag, "initiative.metadata.etag");
        var paths = FieldMasks.Require(request.UpdateMask, InitiativeEditor.Fields);
        var goalNames = InitiativeEditor.Apply(initiative, input, paths);
        if (paths.Contains("goals")) await db.LinkGoalsAsync(initiative, goalNames, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ToProtoAsync(initiative, context.CancellationToken);
    }

    public override async Task<Empty> DeleteInitiative(V1.DeleteInitiativeRequest request, ServerCallContext context)
    {
        var initiative = await db.FindInitiativeAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(initiative, request.Etag);
        db.Initiatives.Remove(initiative);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.Roadmap> GetRoadmap(V1.GetRoadmapRequest request, ServerCallContext context)
    {
        new Violations().DefinedEnum("grouping", request.Grouping, allowZero: true).ThrowIfAny();
        var productId = ResourceNames.ParseSingletonParentId(request.Name, StrategyNames.Products, "roadmap", "name");
        await db.FindProductAsync(productId, request.Name, context.CancellationToken);

        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.ProductId == productId).ToListAsync(context.CancellationToken);
        var delivery = await db.DeliveryOfAsync(initiatives, context.CancellationToken);
        var goalIds = initiatives.SelectMany(i => i.GoalIds).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToListAsync(context.CancellationToken);
        var keyResults = await db.KeyResults.AsNoTracking().Where(k => goalIds.Contains(k.GoalId)).ToListAsync(context.CancellationToken);

        var byQuarter = request.Grouping == V1.RoadmapGrouping.Quarter;
        var (velocity, sprints) = await db.RecentVelocityAsync(productId, context.CancellationToken);
        return new V1.Roadmap
        {
            Name = request.Name,
            Grouping = byQuarter ? V1.RoadmapGrouping.Quarter : V1.RoadmapGrouping.Horizon,
            Columns = { InitiativeMapping.RoadmapColumns(initiatives, delivery, goals, keyResults, byQuarter) },
            Velocity = velocity,
            VelocitySprints = sprints,
        };
    }

    private async Task<V1.Initiative> ToProtoAsync(Initiative initiative, CancellationToken cancellationToken) =>
        initiative.ToProto(await db.DeliveryOfAsync([initiative], cancellationToken));
}
