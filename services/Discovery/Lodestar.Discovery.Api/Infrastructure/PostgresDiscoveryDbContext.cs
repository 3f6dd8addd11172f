using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Carries the PostgreSQL migrations (Infrastructure/Migrations/Postgres).</summary>
public sealed class PostgresDiscoveryDbContext(DbContextOptions<PostgresDiscoveryDbContext> options, IWorkspaceContext workspace)
    : DiscoveryDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<PostgresDiscoveryDbContext>(DatabaseProvider.Postgres);
}
