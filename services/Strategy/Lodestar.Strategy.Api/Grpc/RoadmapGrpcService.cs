using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.RoadmapService: initiatives and the roadmap view.</summary>
public sealed class RoadmapGrpcService(StrategyDbContext db) : V1.RoadmapService.RoadmapServiceBase
{
    private const string Initiatives = "initiatives";
    private const string BacklogItems = "backlogItems";
    private const int VelocitySprints = 3;
    private static readonly string[] Fields =
        ["title", "description", "horizon", "start_date", "end_date", "milestones", "goals", "backlog_items"];

    public override async Task<V1.Initiative> CreateInitiative(V1.CreateInitiativeRequest request, ServerCallContext context)
    {
        var input = request.Initiative ?? throw new ValidationException("initiative", "Required.");
        var productId = ResourceNames.ParseId(input.Product, ProductMapping.Products, "initiative.product");
        var initiative = new Initiative { ProductId = productId };
        var goalNames = Apply(initiative, input, Fields);
        (await db.FindProductAsync(productId, input.Product, context.CancellationToken)).EnsureChangeable();
        await EnsureGoalsOfProductAsync(initiative, goalNames, context.CancellationToken);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ToProtoAsync(initiative, context.CancellationToken);
    }

    public override async Task<V1.Initiative> GetInitiative(V1.GetInitiativeRequest request, ServerCallContext context) =>
        await ToProtoAsync(await FindAsync(request.Name, "name", context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListInitiativesResponse> ListInitiatives(V1.ListInitiativesRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, ProductMapping.Products, "product");
        var query = db.Initiatives.AsNoTracking();
        if (productId is { } id) query = query.Where(i => i.ProductId == id);
        var (initiatives, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken,
            Pagination.Fingerprint(nameof(ListInitiatives), request.Product),
            (skip, take) => query.OrderBy(i => i.Title).ThenBy(i => i.CreateTime).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        var delivery = await DeliveryOfAsync(initiatives, context.CancellationToken);
        return new V1.ListInitiativesResponse { Initiatives = { initiatives.Select(i => ToProto(i, delivery)) }, NextPageToken = next };
    }

    public override async Task<V1.Initiative> UpdateInitiative(V1.UpdateInitiativeRequest request, ServerCallContext context)
    {
        var input = request.Initiative ?? throw new ValidationException("initiative", "Required.");
        var initiative = await FindAsync(input.Name, "initiative.name", context.CancellationToken);
        db.ExpectETag(initiative, input.Metadata?.Etag, "initiative.metadata.etag");
        var paths = FieldMasks.Require(request.UpdateMask, Fields);
        var goalNames = Apply(initiative, input, paths);
        if (paths.Contains("goals")) await EnsureGoalsOfProductAsync(initiative, goalNames, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ToProtoAsync(initiative, context.CancellationToken);
    }

    public override async Task<Empty> DeleteInitiative(V1.DeleteInitiativeRequest request, ServerCallContext context)
    {
        var initiative = await FindAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(initiative, request.Etag);
        db.Initiatives.Remove(initiative);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.Roadmap> GetRoadmap(V1.GetRoadmapRequest request, ServerCallContext context)
    {
        new Violations().DefinedEnum("grouping", request.Grouping, allowZero: true).ThrowIfAny();
        var productId = ResourceNames.ParseSingletonParentId(request.Name, ProductMapping.Products, "roadmap", "name");
        await db.FindProductAsync(productId, request.Name, context.CancellationToken);

        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.ProductId == productId).ToListAsync(context.CancellationToken);
        var delivery = await DeliveryOfAsync(initiatives, context.CancellationToken);
        var goalIds = initiatives.SelectMany(i => i.GoalIds).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToListAsync(context.CancellationToken);
        var keyResults = await db.KeyResults.AsNoTracking().Where(k => goalIds.Contains(k.GoalId)).ToListAsync(context.CancellationToken);

        var byQuarter = request.Grouping == V1.RoadmapGrouping.Quarter;
        var columns = initiatives
            .GroupBy(i => byQuarter ? i.Quarter ?? "Unscheduled" : HorizonTitle(i.Horizon))
            .OrderBy(g => byQuarter ? (g.Key == "Unscheduled" ? "~" : g.Key) : HorizonOrder(g.Key))
            .Select(g => new V1.RoadmapColumn
            {
                Title = g.Key,
                Initiatives =
                {
                    g.OrderBy(i => i.StartDate ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).Select(i => new V1.RoadmapInitiative
                    {
                        Initiative = ToProto(i, delivery),
                        Goals =
                        {
                            goals.Where(goal => i.GoalIds.Contains(goal.Id)).Select(goal => new V1.RoadmapGoal
                            {
                                Goal = ResourceNames.Format(GoalMapping.Goals, goal.Id),
                                Title = goal.Title,
                                Progress = Goal.ProgressOf(keyResults.Where(k => k.GoalId == goal.Id).ToList()),
                            }),
                        },
                    }),
                },
            });

        var sprints = await db.SprintRecords.AsNoTracking().Where(s => s.ProductId == productId)
            .OrderByDescending(s => s.CompletedAt).Take(VelocitySprints).Select(s => s.CompletedPoints).ToListAsync(context.CancellationToken);
        return new V1.Roadmap
        {
            Name = request.Name,
            Grouping = byQuarter ? V1.RoadmapGrouping.Quarter : V1.RoadmapGrouping.Horizon,
            Columns = { columns },
            Velocity = sprints.Count == 0 ? 0 : sprints.Average(),
            VelocitySprints = sprints.Count,
        };
    }

    private static string HorizonTitle(Horizon horizon) => horizon == Horizon.None ? "Unplanned" : horizon.ToString();

    private static string HorizonOrder(string title) => title switch { "Now" => "1", "Next" => "2", "Later" => "3", _ => "4" };

    /// <summary>Applies the named fields and returns the goal names to check, when "goals" is among them.</summary>
    private static List<(string Name, Guid Id)> Apply(Initiative initiative, V1.Initiative input, IReadOnlyList<string> paths)
    {
        var violations = new Violations();
        var goals = new List<(string, Guid)>();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("initiative.title", input.Title, Initiative.MaxTitle);
                    initiative.Title = input.Title.Trim();
                    break;
                case "description":
                    violations.OptionalText("initiative.description", input.Description, Initiative.MaxDescription);
                    initiative.Description = input.Description;
                    break;
                case "horizon":
                    violations.DefinedEnum("initiative.horizon", input.Horizon, allowZero: true);
                    initiative.Horizon = (Horizon)input.Horizon;
                    break;
                case "start_date":
                    initiative.StartDate = input.StartDate is null ? null : violations.Read("initiative.start_date", input.StartDate);
                    break;
                case "end_date":
                    initiative.EndDate = input.EndDate is null ? null : violations.Read("initiative.end_date", input.EndDate);
                    break;
                case "milestones":
                    initiative.Milestones = ReadMilestones(input, violations);
                    break;
                case "goals":
                    goals = ResourceNames.ParseMany(input.Goals, GoalMapping.Goals, "initiative.goals", Initiative.MaxGoals, violations);
                    break;
                case "backlog_items":
                    initiative.BacklogItemIds = ResourceNames.ParseMany(input.BacklogItems, BacklogItems, "initiative.backlog_items", Initiative.MaxItems, violations)
                        .Select(i => i.Id).Distinct().ToList();
                    break;
            }
        }
        if (!violations.Any && initiative.StartDate is { } start && initiative.EndDate is { } end && end < start)
            violations.Add("initiative.end_date", $"The initiative ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        violations.ThrowIfAny();
        return goals;
    }

    private static List<Milestone> ReadMilestones(V1.Initiative input, Violations violations)
    {
        if (input.Milestones.Count > Initiative.MaxMilestones) violations.Add("initiative.milestones", $"At most {Initiative.MaxMilestones} milestones.");
        var milestones = new List<Milestone>();
        for (var i = 0; i < input.Milestones.Count && i < Initiative.MaxMilestones; i++)
        {
            var milestone = input.Milestones[i];
            violations.RequiredText($"initiative.milestones[{i}].title", milestone.Title, Initiative.MaxTitle);
            if (violations.Read($"initiative.milestones[{i}].date", milestone.Date) is { } date)
                milestones.Add(new Milestone(milestone.Title.Trim(), date, milestone.Done));
        }
        return milestones;
    }

    private async Task EnsureGoalsOfProductAsync(Initiative initiative, List<(string Name, Guid Id)> goals, CancellationToken cancellationToken)
    {
        var ids = goals.Select(g => g.Id).Distinct().ToList();
        var known = await db.Goals.Where(g => ids.Contains(g.Id) && g.ProductId == initiative.ProductId).Select(g => g.Id).ToListAsync(cancellationToken);
        if (goals.FirstOrDefault(g => !known.Contains(g.Id)) is { Name: not null } missing)
            throw new NotFoundException("Goal", missing.Name);
        initiative.GoalIds = ids;
    }

    /// <summary>What the backlog reported of the items around the initiatives: those it links to them, those linked here.</summary>
    private async Task<Delivery> DeliveryOfAsync(List<Initiative> initiatives, CancellationToken cancellationToken)
    {
        if (initiatives.Count == 0) return Delivery.None;
        var products = initiatives.Select(i => i.ProductId).Distinct().ToList();
        var linkedHere = initiatives.SelectMany(i => i.BacklogItemIds).Distinct().ToList();
        var known = await db.DeliveryItems.AsNoTracking()
            .Where(d => (products.Contains(d.ProductId) && d.InitiativeIds.Count > 0) || linkedHere.Contains(d.ItemId))
            .ToDictionaryAsync(d => d.ItemId, cancellationToken);
        var items = linkedHere.Concat(known.Keys).Distinct().ToList();
        var shipped = (await db.ShippedItems.Where(s => items.Contains(s.ItemId)).Select(s => s.ItemId).ToListAsync(cancellationToken)).ToHashSet();
        return new Delivery(known, shipped);
    }

    private async Task<V1.Initiative> ToProtoAsync(Initiative initiative, CancellationToken cancellationToken) =>
        ToProto(initiative, await DeliveryOfAsync([initiative], cancellationToken));

    private static V1.Initiative ToProto(Initiative initiative, Delivery delivery)
    {
        var progress = delivery.ProgressOf(initiative);
        return new V1.Initiative
        {
            Name = ResourceNames.Format(Initiatives, initiative.Id),
            Product = ResourceNames.Format(ProductMapping.Products, initiative.ProductId),
            Title = initiative.Title,
            Description = initiative.Description,
            Horizon = (V1.Horizon)initiative.Horizon,
            StartDate = initiative.StartDate?.ToProto(),
            EndDate = initiative.EndDate?.ToProto(),
            Milestones = { initiative.Milestones.Select(m => new V1.Milestone { Title = m.Title, Date = m.Date.ToProto(), Done = m.Done }) },
            Goals = { initiative.GoalIds.Select(g => ResourceNames.Format(GoalMapping.Goals, g)) },
            BacklogItems = { delivery.LinkedTo(initiative).Select(i => ResourceNames.Format(BacklogItems, i)) },
            ShippedItems = progress.ShippedItems,
            Progress = progress.ByCount,
            LinkedItems = progress.LinkedItems,
            UnestimatedItems = progress.UnestimatedItems,
            TotalPoints = progress.TotalPoints,
            ShippedPoints = progress.ShippedPoints,
            PointsProgress = progress.ByPoints,
            Metadata = initiative.ToMetadata(),
        };
    }

    private async Task<Initiative> FindAsync(string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Initiatives, field);
        return await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("Initiative", name);
    }
}
