using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Errors;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>Applies the fields of a create or update to an item: every field validated, links checked, nothing half-applied.</summary>
public sealed class ItemEditor(BacklogDbContext db)
{
    public static readonly string[] Fields =
    [
        "type", "title", "description", "labels", "estimate_points", "status", "parent", "problems", "hypotheses", "goals", "initiatives",
        "blocked_by", "rice", "ice", "wsjf", "value_effort", "moscow", "kano", "weighted", "input_ranges",
    ];

    private const string Field = "backlog_item";

    /// <summary>Applies <paramref name="paths"/> of <paramref name="input"/>; returns true when the item just shipped.</summary>
    public async Task<bool> ApplyAsync(BacklogItem item, BacklogProduct product, V1.BacklogItem input, IReadOnlyList<string> paths, bool creating, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var inputs = Copy(item.Inputs);
        var (status, parentName, blockers) = ((ItemStatus?)null, (string?)null, (List<(string Name, Guid Id)>?)null);
        foreach (var path in paths)
        {
            switch (path)
            {
                case "type":
                    violations.DefinedEnum($"{Field}.type", input.Type, allowZero: false);
                    item.Type = (ItemType)input.Type;
                    break;
                case "title":
                    violations.RequiredText($"{Field}.title", input.Title, BacklogItem.MaxTitle);
                    item.Title = input.Title.Trim();
                    break;
                case "description":
                    violations.OptionalText($"{Field}.description", input.Description, BacklogItem.MaxDescription);
                    item.Description = input.Description;
                    break;
                case "labels":
                    violations.TextList($"{Field}.labels", input.Labels, BacklogItem.MaxLabels, BacklogItem.MaxLabel);
                    item.Labels = [.. input.Labels.Select(l => l.Trim()).Distinct(StringComparer.Ordinal)];
                    break;
                case "estimate_points":
                    if (input.HasEstimatePoints && !RiceInputs.InRange(input.EstimatePoints, 0, BacklogItem.MaxEstimate))
                        violations.Add($"{Field}.estimate_points", $"Story points from 0 to {BacklogItem.MaxEstimate:N0}; got {input.EstimatePoints}.");
                    item.EstimatePoints = input.HasEstimatePoints ? input.EstimatePoints : null;
                    break;
                case "status":
                    violations.DefinedEnum($"{Field}.status", input.Status, allowZero: creating);
                    status = input.Status == V1.ItemStatus.Unspecified ? ItemStatus.Idea : (ItemStatus)input.Status;
                    if (creating && status == ItemStatus.Shipped) violations.Add($"{Field}.status", "A new item cannot start shipped: ship it once it is done.");
                    break;
                case "parent":
                    parentName = input.Parent;
                    break;
                case "problems":
                    item.ProblemIds = Links(input.Problems, BacklogNames.Problems, "problems", violations);
                    break;
                case "hypotheses":
                    item.HypothesisIds = Links(input.Hypotheses, BacklogNames.Hypotheses, "hypotheses", violations);
                    break;
                case "goals":
                    item.GoalIds = Links(input.Goals, BacklogNames.Goals, "goals", violations);
                    break;
                case "initiatives":
                    item.InitiativeIds = Links(input.Initiatives, BacklogNames.Initiatives, "initiatives", violations);
                    break;
                case "blocked_by":
                    blockers = ResourceNames.ParseMany(input.BlockedBy, BacklogNames.Items, $"{Field}.blocked_by", BacklogItem.MaxLinks, violations);
                    break;
                case "rice":
                    inputs.Rice = ScoringMapping.Read(violations, $"{Field}.rice", input.Rice);
                    break;
                case "ice":
                    inputs.Ice = ScoringMapping.Read(violations, $"{Field}.ice", input.Ice);
                    break;
                case "wsjf":
                    inputs.Wsjf = ScoringMapping.Read(violations, $"{Field}.wsjf", input.Wsjf);
                    break;
                case "value_effort":
                    inputs.ValueEffort = ScoringMapping.Read(violations, $"{Field}.value_effort", input.ValueEffort);
                    break;
                case "moscow":
                    inputs.Moscow = ScoringMapping.Read(violations, $"{Field}.moscow", input.Moscow);
                    break;
                case "kano":
                    inputs.Kano = new KanoAnswers();
                    ScoringMapping.AddKano(violations, $"{Field}.kano.responses", input.Kano?.Responses ?? [], inputs.Kano);
                    break;
                case "weighted":
                    inputs.Weighted = ScoringMapping.ReadWeighted(violations, $"{Field}.weighted", input.Weighted, product.Criteria);
                    break;
                case "input_ranges":
                    inputs.Ranges = ScoringMapping.ReadRanges(input.InputRanges);
                    break;
            }
        }
        InputCatalog.ValidateRanges(violations, $"{Field}.input_ranges", inputs, product.Criteria);
        violations.ThrowIfAny();
        item.Inputs = inputs;

        if (parentName is not null) item.ParentId = await ParentAsync(item, parentName, cancellationToken);
        if (!creating && item.Type != ItemType.Epic && await db.Items.AnyAsync(i => i.ParentId == item.Id, cancellationToken))
            throw new FailedPreconditionException("This epic has children: move them to another epic before changing its type.");
        if (item.Type == ItemType.Epic && item.ParentId is not null)
            throw new ValidationException($"{Field}.parent", "An epic is a top-level item and cannot have a parent.");
        if (blockers is not null) item.BlockedBy = await BlockersAsync(item, blockers, creating, cancellationToken);
        return status is { } next && await MoveAsync(item, next, creating, cancellationToken);
    }

    private static List<Guid> Links(IReadOnlyList<string> names, string collection, string field, Violations violations) =>
        [.. ResourceNames.ParseMany(names, collection, $"{Field}.{field}", BacklogItem.MaxLinks, violations).Select(l => l.Id).Distinct()];

    private async Task<Guid?> ParentAsync(BacklogItem item, string name, CancellationToken cancellationToken)
    {
        var parentId = ResourceNames.ParseOptionalId(name, BacklogNames.Items, $"{Field}.parent");
        if (parentId is null) return null;
        if (parentId == item.Id) throw new ValidationException($"{Field}.parent", "An item cannot be its own parent.");
        var parent = await db.Items.AsNoTracking().Where(i => i.Id == parentId).Select(i => new { i.ProductId, i.Type }).FirstOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException("BacklogItem", name);
        if (parent.ProductId != item.ProductId) throw new ValidationException($"{Field}.parent", "The parent belongs to another product.");
        if (parent.Type != ItemType.Epic) throw new ValidationException($"{Field}.parent", "Only an epic can be a parent.");
        return parentId;
    }

    private async Task<List<Guid>> BlockersAsync(BacklogItem item, List<(string Name, Guid Id)> blockers, bool creating, CancellationToken cancellationToken)
    {
        var ids = blockers.Select(b => b.Id).Distinct().ToList();
        if (ids.Count == 0) return ids;
        var found = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.ProductId, cancellationToken);
        var violations = new Violations();
        for (var i = 0; i < blockers.Count; i++)
        {
            if (!found.TryGetValue(blockers[i].Id, out var productId)) throw new NotFoundException("BacklogItem", blockers[i].Name);
            if (productId != item.ProductId) violations.Add($"{Field}.blocked_by[{i}]", "A blocker must belong to the same product.");
        }
        violations.ThrowIfAny();
        // A cycle needs an item that already waits on this one, and none waits on an item being created.
        if (creating) return ids;
        var edges = await db.Items.AsNoTracking().Where(i => i.ProductId == item.ProductId && i.BlockedBy.Count > 0)
            .Select(i => new { i.Id, i.BlockedBy }).ToDictionaryAsync(i => i.Id, i => i.BlockedBy, cancellationToken);
        if (DependencyCycles.Find(item.Id, ids, id => id == item.Id ? ids : edges.GetValueOrDefault(id) ?? []) is { } cycle)
        {
            throw new ValidationException($"{Field}.blocked_by",
                $"This would close a dependency cycle: {string.Join(" → ", cycle.Select(id => ResourceNames.Format(BacklogNames.Items, id)))}.");
        }
        return ids;
    }

    /// <summary>Moves the item along the workflow; true when it just shipped.</summary>
    private async Task<bool> MoveAsync(BacklogItem item, ItemStatus next, bool creating, CancellationToken cancellationToken)
    {
        var current = item.Status;
        if (!creating && !StatusRules.CanMove(current, next))
        {
            throw new ValidationException($"{Field}.status",
                $"Cannot move from {current} to {next}; from {current} it can move to {string.Join(", ", StatusRules.NextFrom(current))}.");
        }
        if (next is ItemStatus.InProgress or ItemStatus.Done or ItemStatus.Shipped && next != current && item.BlockedBy.Count > 0)
        {
            var open = await db.Items.AsNoTracking().Where(i => item.BlockedBy.Contains(i.Id) && i.Status != ItemStatus.Done && i.Status != ItemStatus.Shipped)
                .Select(i => i.Id).ToListAsync(cancellationToken);
            if (open.Count > 0)
                throw new FailedPreconditionException($"Blocked by unfinished items: {string.Join(", ", open.Select(id => ResourceNames.Format(BacklogNames.Items, id)))}.");
        }
        item.Status = next;
        if (next == current) return false;
        if (next == ItemStatus.Done) item.DoneTime = StoredTime.Now;
        if (next != ItemStatus.Shipped) return false;
        item.DoneTime ??= StoredTime.Now;
        item.ShipTime = StoredTime.Now;
        return true;
    }

    private static PriorityInputs Copy(PriorityInputs inputs) => new()
    {
        Rice = inputs.Rice,
        Ice = inputs.Ice,
        Wsjf = inputs.Wsjf,
        ValueEffort = inputs.ValueEffort,
        Moscow = inputs.Moscow,
        Kano = inputs.Kano is null ? null : new KanoAnswers { PairCounts = [.. inputs.Kano.PairCounts] },
        Weighted = new Dictionary<string, double>(inputs.Weighted),
        Ranges = [.. inputs.Ranges],
    };
}
