using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Carries the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class SqliteDiscoveryDbContext(DbContextOptions<SqliteDiscoveryDbContext> options, IWorkspaceContext workspace)
    : DiscoveryDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<SqliteDiscoveryDbContext>(DatabaseProvider.Sqlite);
}
