using Lodestar.Backlog.Domain.Items;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Carries the PostgreSQL migrations (Infrastructure/Migrations/Postgres).</summary>
public sealed class PostgresBacklogDbContext(DbContextOptions<PostgresBacklogDbContext> options, IWorkspaceContext workspace)
    : BacklogDbContext(options, workspace)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Rank keys compare byte by byte (as in SQLite); a linguistic collation would sort 'a' with 'A'.
        modelBuilder.Entity<BacklogItem>().Property(i => i.Rank).UseCollation("C");
    }

    public sealed class DesignTimeFactory() : DesignTimeContextFactory<PostgresBacklogDbContext>(DatabaseProvider.Postgres);
}
