using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Gateway.Infrastructure;

/// <summary>Carries the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class SqliteGatewayDbContext(DbContextOptions<SqliteGatewayDbContext> options, IWorkspaceContext workspace)
    : GatewayDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<SqliteGatewayDbContext>(DatabaseProvider.Sqlite);
}
