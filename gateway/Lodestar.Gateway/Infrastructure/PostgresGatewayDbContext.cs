using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Gateway.Infrastructure;

/// <summary>Carries the PostgreSQL migrations (Infrastructure/Migrations/Postgres).</summary>
public sealed class PostgresGatewayDbContext(DbContextOptions<PostgresGatewayDbContext> options, IWorkspaceContext workspace)
    : GatewayDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<PostgresGatewayDbContext>(DatabaseProvider.Postgres);
}
