using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Ranking;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Domain.Transfer;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Backlog.Infrastructure.Transfer;
using Lodestar.Errors;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>lodestar.backlog.v1.BacklogTransferService: Jira CSV import and ranked-backlog CSV export.</summary>
public sealed class BacklogTransferGrpcService(BacklogDbContext db) : V1.BacklogTransferService.BacklogTransferServiceBase
{
    private const string KeyColumn = "Issue key";
    private const string ParentColumn = "Parent";

    public override async Task<V1.ImportJiraIssuesResponse> ImportJiraIssues(V1.ImportJiraIssuesRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseId(request.Product, BacklogNames.Products, "product");
        if (string.IsNullOrWhiteSpace(request.CsvContent)) throw new ValidationException(JiraCsvReader.Field, "Required: the CSV text of a Jira export.");
        var violations = new Violations();
        var (issues, estimateColumn) = JiraCsvReader.Read(request.CsvContent, request.EstimateColumn, violations);
        violations.ThrowIfAny();
        var product = await db.FindActiveProductAsync(productId, request.Product, context.CancellationToken);

        var keys = issues.Select(i => i.Key).ToList();
        var parentKeys = issues.Select(i => i.Parent).OfType<string>().Distinct().ToList();
        var existing = await db.Items.AsNoTracking().Where(i => i.ProductId == productId && i.ExternalKey != null && (keys.Contains(i.ExternalKey) || parentKeys.Contains(i.ExternalKey)))
            .Select(i => new { Key = i.ExternalKey!, i.Id, i.Type }).ToDictionaryAsync(i => i.Key, StringComparer.Ordinal, context.CancellationToken);
        foreach (var issue in issues.Where(i => existing.ContainsKey(i.Key)))
            JiraCsvReader.Error(violations, issue.Line, KeyColumn, $"'{issue.Key}' was imported before, as {ResourceNames.Format(BacklogNames.Items, existing[issue.Key].Id)}.");

        var items = issues.ToDictionary(i => i, i => NewItem(i, productId));
        var byKey = issues.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var byIssueId = issues.Where(i => i.IssueId is not null).GroupBy(i => i.IssueId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var issue in issues.Where(i => i.Parent is not null))
        {
            var parentName = issue.Parent!;
            (Guid Id, ItemType Type)? parent = byKey.TryGetValue(parentName, out var inFile) || byIssueId.TryGetValue(parentName, out inFile)
                ? (items[inFile].Id, inFile.Type)
                : existing.TryGetValue(parentName, out var before) ? (before.Id, before.Type) : null;
            if (parent is null)
                JiraCsvReader.Error(violations, issue.Line, ParentColumn, $"No issue '{parentName}' in the file or imported before.");
            else if (issue.Type == ItemType.Epic)
                JiraCsvReader.Error(violations, issue.Line, ParentColumn, "An epic is a top-level item and cannot have a parent.");
            else if (parent.Value.Type != ItemType.Epic)
                JiraCsvReader.Error(violations, issue.Line, ParentColumn, $"'{parentName}' is not an epic; only epics are parents.");
            else
                items[issue].ParentId = parent.Value.Id;
        }
        violations.ThrowIfAny();

        var response = new V1.ImportJiraIssuesResponse { ImportedCount = issues.Count, EstimateColumn = estimateColumn ?? "" };
        if (request.ValidateOnly) return response;
        var last = await db.Items.Where(i => i.ProductId == productId).OrderByDescending(i => i.Rank).Select(i => i.Rank).FirstOrDefaultAsync(context.CancellationToken);
        // Appended below the last key, in file order.
        var rankKeys = FractionalRank.Spread(issues.Count, last, null, int.MaxValue)!;
        for (var i = 0; i < issues.Count; i++)
        {
            var item = items[issues[i]];
            item.Rank = rankKeys[i];
            item.RankingScore = ItemScorer.RankingKey(product.RankingFramework, item.Inputs, product.Scoring, EvidenceBasis.None, ItemScorer.Typed);
            db.Items.Add(item);
            response.BacklogItems.Add(ResourceNames.Format(BacklogNames.Items, item.Id));
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return response;
    }

    public override async Task<HttpBody> ExportRankedBacklog(V1.ExportRankedBacklogRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseSingletonParentId(request.Name, BacklogNames.Products, BacklogNames.Backlog, "name");
        await db.FindProductAsync(productId, ResourceNames.Format(BacklogNames.Products, productId), context.CancellationToken);
        var ranked = await db.Items.AsNoTracking()
            .Where(i => i.ProductId == productId && (i.Status == ItemStatus.Idea || i.Status == ItemStatus.Ready || i.Status == ItemStatus.InProgress))
            .OrderBy(i => i.Rank).ThenBy(i => i.Id).ToListAsync(context.CancellationToken);
        var csv = RankedBacklogCsv.Write(ranked, await db.LoadContextAsync(ranked, context.CancellationToken));
        return new HttpBody { ContentType = "text/csv; charset=utf-8", Data = ByteString.CopyFromUtf8(csv) };
    }

    private static BacklogItem NewItem(JiraIssue issue, Guid productId) => new()
    {
        ProductId = productId,
        Type = issue.Type,
        Title = issue.Summary,
        Description = issue.Description,
        Labels = [.. issue.Labels],
        EstimatePoints = issue.Estimate,
        Status = issue.Status,
        ExternalKey = issue.Key,
        DoneTime = issue.Status == ItemStatus.Done ? StoredTime.Now : null,
        Inputs = new PriorityInputs { Moscow = issue.Priority is { } priority ? new MoscowInputs(priority, "") : null },
    };
}
