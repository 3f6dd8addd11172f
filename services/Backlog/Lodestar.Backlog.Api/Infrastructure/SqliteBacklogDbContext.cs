using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Carries the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class SqliteBacklogDbContext(DbContextOptions<SqliteBacklogDbContext> options, IWorkspaceContext workspace)
    : BacklogDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<SqliteBacklogDbContext>(DatabaseProvider.Sqlite);
}
