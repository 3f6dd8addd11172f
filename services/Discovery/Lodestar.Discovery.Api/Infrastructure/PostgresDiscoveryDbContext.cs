using Lodestar.Discovery.Domain.Insights;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Carries the PostgreSQL migrations (Infrastructure/Migrations/Postgres).</summary>
public sealed class PostgresDiscoveryDbContext(DbContextOptions<PostgresDiscoveryDbContext> options, IWorkspaceContext workspace)
    : DiscoveryDbContext(options, workspace)
{
    /// <summary>The stored tsvector insight search matches against (PostgreSQL only; SQLite uses an FTS5 table).</summary>
    public const string SearchVector = "SearchVector";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Stored, so a search checks a ready vector per row instead of parsing text; GIN-indexed for selective queries.
        modelBuilder.Entity<Insight>().Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("""to_tsvector('english'::regconfig, "Summary" || ' ' || "Quote" || ' ' || "CustomerName")""", stored: true);
        modelBuilder.Entity<Insight>().HasIndex(SearchVector).HasMethod("GIN");
    }

    public sealed class DesignTimeFactory() : DesignTimeContextFactory<PostgresDiscoveryDbContext>(DatabaseProvider.Postgres);
}
