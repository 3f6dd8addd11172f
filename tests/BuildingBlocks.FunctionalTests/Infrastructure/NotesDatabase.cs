using BuildingBlocks.NotesService;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>Reads a notes service's SQLite database from outside its process, acting in one workspace.</summary>
public sealed class NotesDatabase(NotesDbContext context) : IAsyncDisposable
{
    public NotesDbContext Context { get; } = context;

    public static NotesDatabase OpenSqlite(string dataPath, Guid workspaceId)
    {
        var workspace = new WorkspaceContext();
        workspace.Enter(workspaceId, WorkspaceRole.Viewer, "test-reader");
        var options = new DbContextOptionsBuilder<SqliteNotesDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataPath, "notes.db")}")
            .Options;
        return new NotesDatabase(new SqliteNotesDbContext(options, workspace));
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
