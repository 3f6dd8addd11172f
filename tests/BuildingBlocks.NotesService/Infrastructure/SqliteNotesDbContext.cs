using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.NotesService;

/// <summary>Carries the SQLite migrations.</summary>
public sealed class SqliteNotesDbContext(DbContextOptions<SqliteNotesDbContext> options, IWorkspaceContext workspace)
    : NotesDbContext(options, workspace)
{
    public sealed class DesignTimeFactory() : DesignTimeContextFactory<SqliteNotesDbContext>(DatabaseProvider.Sqlite);
}
