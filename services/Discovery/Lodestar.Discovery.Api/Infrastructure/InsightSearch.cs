using System.Text.RegularExpressions;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>
/// Full-text search over insights' summary, quote and customer name, the same semantics on both providers: every word
/// of the query must match (English stemming), punctuation and query syntax are ignored. SQLite uses an FTS5 table kept
/// by triggers (created by the Initial migration); PostgreSQL a stored tsvector column of the same text with a GIN index.
/// </summary>
public static partial class InsightSearch
{
    /// <summary>The words of a query; an empty list means no text filter.</summary>
    public static IReadOnlyList<string> Words(string query) => [.. WordPattern().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct()];

    public static IQueryable<Insight> Matching(this DiscoveryDbContext db, IReadOnlyList<string> words)
    {
        if (db.Database.IsNpgsql())
        {
            var text = string.Join(' ', words);
            return db.Insights.Where(i => EF.Property<NpgsqlTsVector>(i, PostgresDiscoveryDbContext.SearchVector).Matches(EF.Functions.PlainToTsQuery("english", text)));
        }
        // FTS5 phrases in double quotes cannot be read as query syntax; adjacent phrases must all match.
        var match = string.Join(' ', words.Select(w => $"\"{w}\""));
        return db.Insights.FromSql($"SELECT * FROM insights WHERE rowid IN (SELECT rowid FROM insights_fts WHERE insights_fts MATCH {match})");
    }

    /// <summary>The insights <paramref name="filter"/> keeps, untracked: all its parts must hold.</summary>
    public static IQueryable<Insight> Filtered(this DiscoveryDbContext db, InsightFilter filter)
    {
        var words = Words(filter.Query);
        var query = (words.Count > 0 ? db.Matching(words) : db.Insights).AsNoTracking();
        foreach (var tag in filter.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()) query = query.Where(i => i.Tags.Contains(tag));
        if (filter.PersonaId is { } persona) query = query.Where(i => i.PersonaId == persona);
        if (filter.ProductId is { } product) query = query.Where(i => i.ProductId == product);
        if (filter.ProblemId is { } problem) query = query.Where(i => db.ProblemInsights.Any(l => l.ProblemId == problem && l.InsightId == i.Id));
        if (filter.Sources.Count > 0)
        {
            var sources = filter.Sources.ToList();
            query = query.Where(i => sources.Contains(i.Source));
        }
        if (filter.CustomerAccountId.Trim() is { Length: > 0 } account) query = query.Where(i => i.CustomerAccountId == account);
        if (filter.CapturedFrom is { } from)
        {
            var start = StoredTime.Of(from);
            query = query.Where(i => i.CaptureTime >= start);
        }
        if (filter.CapturedBefore is { } to)
        {
            var end = StoredTime.Of(to);
            query = query.Where(i => i.CaptureTime < end);
        }
        return query;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
