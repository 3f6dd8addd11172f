using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.NotesService;

/// <summary>Carries the PostgreSQL migrations.</summary>
public sealed class PostgresNotesDbContext(DbContextOptions<PostgresNotesDbContext> options, IWorkspaceContext workspace)
    : NotesDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<PostgresNotesDbContext>(DatabaseProvider.Postgres);
}
