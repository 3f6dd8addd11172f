using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.NotesService;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.FunctionalTests.Persistence;

/// <summary>The same persistence behaviour on SQLite and on PostgreSQL.</summary>
public sealed class PersistenceTests(InfrastructureFixture infrastructure) : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private ServiceHost? _host;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private async Task<ServiceHost> StartAsync(DatabaseProvider provider) =>
        _host = await NotesHost.StartAsync(_folder.Path, provider == DatabaseProvider.Postgres ? infrastructure.NewPostgresDatabase("notes") : null, null);

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_for_the_provider_are_applied_at_start_up(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        Assert.Equal(provider == DatabaseProvider.Postgres ? typeof(PostgresNotesDbContext) : typeof(SqliteNotesDbContext), db.GetType());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task On_SQLite_a_query_naming_a_selective_column_does_not_read_the_whole_workspace()
    {
        var host = await StartAsync(DatabaseProvider.Sqlite);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var explain = connection.CreateCommand();
        // The shape of every query here: the workspace filter and a column with an index of its own.
        explain.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM note_effects WHERE WorkspaceId = 'a' AND NoteId = 'b'";
        await using var plan = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await plan.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Contains("IX_note_effects_NoteId", plan.GetString(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_only_mode_migrates_and_exits_for_a_migration_job()
    {
        var database = infrastructure.NewPostgresDatabase("migrate_only");
        var exitCode = await NotesProcess.RunToExitAsync(_folder.Path,
            new Dictionary<string, string> { ["Database__MigrateOnly"] = "true", ["ConnectionStrings__notesdb"] = database },
            TimeSpan.FromSeconds(60));
        Assert.Equal(0, exitCode);

        var options = new DbContextOptionsBuilder<PostgresNotesDbContext>().UseNpgsql(database).Options;
        await using var db = new PostgresNotesDbContext(options, new WorkspaceContext());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Workspace_filter_hides_other_workspaces_rows_from_every_query(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        await AddNotesAsync(host, mine, "a", "b", "c");
        var foreign = (await AddNotesAsync(host, theirs, "x", "y"))[0];

        await host.InWorkspaceAsync(mine, async db =>
        {
            Assert.Equal(3, await db.Notes.CountAsync());
            Assert.All(await db.Notes.ToListAsync(), n => Assert.Equal(mine, n.WorkspaceId));
            Assert.Null(await db.Notes.FindAsync(foreign));
            Assert.Null(await db.Notes.FirstOrDefaultAsync(n => n.Id == foreign));
            Assert.False(await db.Notes.AnyAsync(n => n.Title == "x"));
            Assert.Empty(await db.Notes.Where(n => n.WorkspaceId == theirs).ToListAsync());
            return 0;
        });

        await using var scope = host.Services.CreateAsyncScope();
        var outside = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        Assert.Equal(0, await outside.Notes.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_stamps_workspace_creator_times_and_version(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var workspace = Guid.NewGuid();
        var id = (await AddNotesAsync(host, workspace, "stamped"))[0];
        var note = await host.InWorkspaceAsync(workspace, db => db.Notes.SingleAsync(n => n.Id == id));
        Assert.Equal(workspace, note.WorkspaceId);
        Assert.Equal(1, note.Version);
        Assert.Equal("\"1\"", note.ETag);
        Assert.Equal("test", note.Creator);
        Assert.True(note.CreateTime > DateTime.UtcNow.AddMinutes(-1));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_viewer_cannot_write_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var workspace = Guid.NewGuid();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.InWorkspaceAsync(workspace, async db =>
        {
            db.Notes.Add(new Note { Title = "by a viewer" });
            return await db.SaveChangesAsync();
        }, WorkspaceRole.Viewer));
        Assert.Equal(0, await host.InWorkspaceAsync(workspace, db => db.Notes.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_etag_is_rejected_and_changes_nothing(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var workspace = Guid.NewGuid();
        var id = (await AddNotesAsync(host, workspace, "v1"))[0];
        await UpdateTitleAsync(host, workspace, id, "\"1\"", "v2");

        await Assert.ThrowsAsync<EtagMismatchException>(() => UpdateTitleAsync(host, workspace, id, "\"1\"", "lost update"));
        var note = await host.InWorkspaceAsync(workspace, db => db.Notes.SingleAsync(n => n.Id == id));
        Assert.Equal(("v2", 2L), (note.Title, note.Version));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_writers_of_one_row_cannot_both_win(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var workspace = Guid.NewGuid();
        var id = (await AddNotesAsync(host, workspace, "shared"))[0];
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        first.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspace, WorkspaceRole.Editor, "a");
        second.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspace, WorkspaceRole.Editor, "b");
        var a = first.ServiceProvider.GetRequiredService<NotesDbContext>();
        var b = second.ServiceProvider.GetRequiredService<NotesDbContext>();
        var noteA = await a.Notes.SingleAsync(n => n.Id == id, TestContext.Current.CancellationToken);
        var noteB = await b.Notes.SingleAsync(n => n.Id == id, TestContext.Current.CancellationToken);
        noteA.Title = "from a";
        noteB.Title = "from b";
        await a.SaveChangesAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<EtagMismatchException>(() => b.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Equal("from a", (await host.InWorkspaceAsync(workspace, db => db.Notes.SingleAsync(n => n.Id == id))).Title);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task After_a_concurrent_update_a_delete_without_an_etag_proceeds_and_one_with_the_stale_etag_is_refused(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var workspace = Guid.NewGuid();
        var ids = await AddNotesAsync(host, workspace, "doomed", "kept");
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspace, WorkspaceRole.Editor, "deleter");
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        var (doomed, kept) = (await db.Notes.SingleAsync(n => n.Id == ids[0], TestContext.Current.CancellationToken),
            await db.Notes.SingleAsync(n => n.Id == ids[1], TestContext.Current.CancellationToken));
        db.ExpectETag(kept, "\"1\"");
        foreach (var id in ids) await UpdateTitleAsync(host, workspace, id, "", $"touched {id}");

        db.Notes.Remove(doomed);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await host.InWorkspaceAsync(workspace, d => d.Notes.CountAsync(n => n.Id == ids[0])));

        db.Notes.Remove(kept);
        await Assert.ThrowsAsync<EtagMismatchException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Equal($"touched {ids[1]}", (await host.InWorkspaceAsync(workspace, d => d.Notes.SingleAsync(n => n.Id == ids[1]))).Title);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_unique_violation_is_already_exists_but_only_within_a_workspace(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        await AddNotesAsync(host, mine, "same title");
        await AddNotesAsync(host, theirs, "same title");
        await Assert.ThrowsAsync<AlreadyExistsException>(() => AddNotesAsync(host, mine, "same title"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_row_of_another_workspace_cannot_be_changed_even_when_attached(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        var foreign = await host.InWorkspaceAsync(theirs, async db =>
        {
            var note = new Note { Title = "theirs" };
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            return note;
        });
        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.InWorkspaceAsync(mine, async db =>
        {
            db.Notes.Attach(foreign);
            foreign.Title = "hijacked";
            return await db.SaveChangesAsync();
        }));
        Assert.Equal("theirs", (await host.InWorkspaceAsync(theirs, db => db.Notes.SingleAsync(n => n.Id == foreign.Id))).Title);
    }

    private static async Task<List<Guid>> AddNotesAsync(ServiceHost host, Guid workspace, params string[] titles) =>
        await host.InWorkspaceAsync(workspace, async db =>
        {
            var notes = titles.Select(t => new Note { Title = t }).ToList();
            db.Notes.AddRange(notes);
            await db.SaveChangesAsync();
            return notes.Select(n => n.Id).ToList();
        });

    private static Task<int> UpdateTitleAsync(ServiceHost host, Guid workspace, Guid id, string etag, string title) =>
        host.InWorkspaceAsync(workspace, async db =>
        {
            var note = await db.Notes.SingleAsync(n => n.Id == id);
            db.ExpectETag(note, etag);
            note.Title = title;
            return await db.SaveChangesAsync();
        });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _folder.Dispose();
    }
}
