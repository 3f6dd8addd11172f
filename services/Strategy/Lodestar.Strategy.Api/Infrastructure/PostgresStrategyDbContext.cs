using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>Carries the PostgreSQL migrations (Infrastructure/Migrations/Postgres).</summary>
public sealed class PostgresStrategyDbContext(DbContextOptions<PostgresStrategyDbContext> options, IWorkspaceContext workspace)
    : StrategyDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<PostgresStrategyDbContext>(DatabaseProvider.Postgres);
}
