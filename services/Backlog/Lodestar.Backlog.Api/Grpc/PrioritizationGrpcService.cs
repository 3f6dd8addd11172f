using Grpc.Core;
using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Ranking;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Common.V1;
using Lodestar.Errors;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>lodestar.backlog.v1.PrioritizationService: settings, explanations, the ranked backlog and its robustness.</summary>
public sealed class PrioritizationGrpcService(BacklogDbContext db) : V1.PrioritizationService.PrioritizationServiceBase
{
    public override async Task<V1.BacklogSettings> GetBacklogSettings(V1.GetBacklogSettingsRequest request, ServerCallContext context) =>
        SettingsEditor.ToProto(await FindProductAsync(request.Name, BacklogNames.Settings, "name", context.CancellationToken));

    public override async Task<V1.BacklogSettings> UpdateBacklogSettings(V1.UpdateBacklogSettingsRequest request, ServerCallContext context)
    {
        var input = request.BacklogSettings ?? throw new ValidationException("backlog_settings", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, SettingsEditor.Fields);
        var product = await FindProductAsync(input.Name, BacklogNames.Settings, "backlog_settings.name", context.CancellationToken);
        db.ExpectETag(product, input.Metadata?.Etag, "backlog_settings.metadata.etag");
        var framework = product.RankingFramework;
        SettingsEditor.Apply(product, input, paths);
        if (await db.RescoreProductAsync(product, context.CancellationToken) || framework != product.RankingFramework)
            await db.RerankAsync(product.Id, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return SettingsEditor.ToProto(product);
    }

    public override async Task<V1.ScoreExplanation> ExplainBacklogItemScore(V1.ExplainBacklogItemScoreRequest request, ServerCallContext context)
    {
        new Violations().DefinedEnum("framework", request.Framework, allowZero: true).ThrowIfAny();
        var item = await db.FindItemAsync(request.Name, "name", context.CancellationToken);
        var itemContext = await db.LoadContextAsync([item], context.CancellationToken);
        var framework = request.Framework == V1.Framework.Unspecified ? itemContext.Products[item.ProductId].RankingFramework : (Framework)request.Framework;
        var explanation = ScoreExplainer.Explain(framework, item.Inputs, itemContext.ScoringOf(item), itemContext.BasisOf(item));
        return explanation.ToProto(request.Name, framework, itemContext.EvidenceOf(item), item.LastRescore);
    }

    public override async Task<V1.RankedBacklog> GetRankedBacklog(V1.GetRankedBacklogRequest request, ServerCallContext context)
    {
        var product = await FindProductAsync(request.Name, BacklogNames.Backlog, "name", context.CancellationToken);
        var violations = new Violations();
        foreach (var type in request.ItemTypes) violations.DefinedEnum("item_types", type, allowZero: false);
        violations.ThrowIfAny();
        var size = Pagination.PageSize(request.PageSize);
        var fingerprint = Pagination.Fingerprint(nameof(GetRankedBacklog), request.Name, string.Join(",", request.ItemTypes));
        var (position, lastRank, lastId) = ReadCursor(Pagination.Decode(request.PageToken, fingerprint));

        var rows = await db.RankedOpenItemsAsync(product.Id, [.. request.ItemTypes.Select(t => (ItemType)t)], lastRank, lastId, size + 1, context.CancellationToken);
        var page = rows.Take(size).ToList();
        var itemContext = await db.LoadContextAsync(page, context.CancellationToken);
        var response = new V1.RankedBacklog
        {
            Name = request.Name,
            RankingFramework = (V1.Framework)product.RankingFramework,
            Entries = { page.Select((item, i) => new V1.RankedBacklogEntry { Position = position + i + 1, BacklogItem = item.ToProto(itemContext) }) },
        };
        if (rows.Count > size)
        {
            response.NextPageToken = Pagination.Encode(new PageCursor
            {
                RequestFingerprint = fingerprint, LastSortKey = $"{position + size}:{page[^1].Rank}", LastId = page[^1].Id.ToString(),
            });
        }
        return response;
    }

    public override async Task<V1.BacklogItem> MoveBacklogItem(V1.MoveBacklogItemRequest request, ServerCallContext context)
    {
        var item = await db.FindItemAsync(request.Name, "name", context.CancellationToken);
        var (field, targetName) = request.TargetCase switch
        {
            V1.MoveBacklogItemRequest.TargetOneofCase.Above => ("above", request.Above),
            V1.MoveBacklogItemRequest.TargetOneofCase.Below => ("below", request.Below),
            _ => throw new ValidationException("above", "Name the item to place it above, or below."),
        };
        var target = await db.FindItemAsync(targetName, field, context.CancellationToken);
        item.EnsureMovableNextTo(target, field);
        await db.MoveAsync(item, target, field == "above", context.CancellationToken);
        item.ManuallyRanked = true;
        await db.SaveChangesAsync(context.CancellationToken);
        return item.ToProto(await db.LoadContextAsync([item], context.CancellationToken));
    }

    public override async Task<V1.RerankBacklogResponse> RerankBacklog(V1.RerankBacklogRequest request, ServerCallContext context)
    {
        var product = await FindProductAsync(request.Name, BacklogNames.Backlog, "name", context.CancellationToken);
        await db.RescoreProductAsync(product, context.CancellationToken);
        var count = await db.RerankAsync(product.Id, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.RerankBacklogResponse { ItemCount = count };
    }

    public override async Task<V1.RankRobustness> AnalyzeRankRobustness(V1.AnalyzeRankRobustnessRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var topN = Bounded(violations, "top_n", request.TopN, 10, 1, 100);
        var bandWidth = Bounded(violations, "band_width", request.BandWidth, 5, 1, 100);
        var samples = Bounded(violations, "samples", request.Samples, 1_000, 1_000, 20_000);
        violations.DefinedEnum("framework", request.Framework, allowZero: true);
        if (request.Framework is V1.Framework.Moscow or V1.Framework.Kano)
            violations.Add("framework", "Robustness needs a numeric framework: RICE, ICE, WSJF, value-versus-effort or weighted.");
        violations.ThrowIfAny();
        var product = await FindProductAsync(request.Name, BacklogNames.Backlog, "name", context.CancellationToken);
        var framework = request.Framework == V1.Framework.Unspecified ? product.RankingFramework : (Framework)request.Framework;
        if (framework is Framework.Moscow or Framework.Kano)
            throw new FailedPreconditionException($"The product ranks by {framework}, which has no numeric inputs to sample; name a numeric framework.");
        var seed = request.Seed == 0 ? 1 : request.Seed;
        var candidates = RobustnessCandidate.Of(framework, product.Scoring,
            await db.ItemsWithEvidenceAsync(product.Id, openOnly: true, readOnly: true, context.CancellationToken));
        var results = RankRobustness.Analyze(candidates, topN, bandWidth, samples, seed);
        return results.ToProto(framework, samples, seed, candidates);
    }

    private static int Bounded(Violations violations, string field, int value, int fallback, int min, int max)
    {
        if (value == 0) return fallback;
        if (value < min || value > max) violations.Add(field, $"From {min:N0} to {max:N0} (0 for {fallback:N0}); got {value:N0}.");
        return value;
    }

    private static (int Position, string? LastRank, Guid LastId) ReadCursor(PageCursor? cursor)
    {
        if (cursor is null) return (0, null, Guid.Empty);
        var parts = cursor.LastSortKey.Split(':', 2);
        return parts.Length == 2 && int.TryParse(parts[0], out var position) && Guid.TryParse(cursor.LastId, out var id)
            ? (position, parts[1], id)
            : throw new ValidationException("page_token", "The page token is not one this service issued.");
    }

    private async Task<Domain.Products.BacklogProduct> FindProductAsync(string name, string singleton, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseSingletonParentId(name, BacklogNames.Products, singleton, field);
        return await db.FindProductAsync(id, ResourceNames.Format(BacklogNames.Products, id), cancellationToken);
    }

}
