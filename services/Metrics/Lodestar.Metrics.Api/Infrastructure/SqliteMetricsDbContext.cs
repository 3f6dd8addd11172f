using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Carries the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class SqliteMetricsDbContext(DbContextOptions<SqliteMetricsDbContext> options, IWorkspaceContext workspace)
    : MetricsDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<SqliteMetricsDbContext>(DatabaseProvider.Sqlite);
}
