using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Carries the PostgreSQL migrations (Infrastructure/Migrations/Postgres).</summary>
public sealed class PostgresMetricsDbContext(DbContextOptions<PostgresMetricsDbContext> options, IWorkspaceContext workspace)
    : MetricsDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<PostgresMetricsDbContext>(DatabaseProvider.Postgres);
}
