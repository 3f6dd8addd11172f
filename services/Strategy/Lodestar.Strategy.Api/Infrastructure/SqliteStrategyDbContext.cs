using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>Carries the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class SqliteStrategyDbContext(DbContextOptions<SqliteStrategyDbContext> options, IWorkspaceContext workspace)
    : StrategyDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<SqliteStrategyDbContext>(DatabaseProvider.Sqlite);
}
