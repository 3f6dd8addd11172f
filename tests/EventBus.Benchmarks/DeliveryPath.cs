using System.Diagnostics;
using BuildingBlocks.NotesService;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.EventBus.Benchmarks;

/// <summary>
/// A way of getting a change's event to a consumer that stores its effect. A round writes N notes (each raising
/// NoteCreated) from concurrent writers in a fresh workspace, then waits until every effect is stored.
/// </summary>
public abstract class DeliveryPath(string name, ServiceHost notes) : IAsyncDisposable
{
    private static readonly TimeSpan RoundLimit = TimeSpan.FromMinutes(10);

    public string Name => name;

    protected ServiceHost Notes => notes;

    /// <summary>Commits the note in <paramref name="db"/> and sends <paramref name="created"/> on its way.</summary>
    protected abstract Task CommitAsync(NotesDbContext db, NoteCreated created);

    public async Task<DeliveryRound> RunAsync(int events, int concurrency)
    {
        var workspace = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < events)
            {
                await notes.InWorkspaceAsync<NotesDbContext, int>(workspace, async db =>
                {
                    var note = new Note { Title = $"note {index}" };
                    db.Notes.Add(note);
                    await CommitAsync(db, new NoteCreated(note.Id, note.Title) { WorkspaceId = workspace });
                    return 0;
                });
            }
        })));
        while (await notes.InWorkspaceAsync<NotesDbContext, int>(workspace, db => db.Effects.CountAsync()) < events)
        {
            if (clock.Elapsed > RoundLimit) throw new TimeoutException($"{name}: not every event took effect within {RoundLimit}.");
            await Task.Delay(20);
        }
        var rate = events / clock.Elapsed.TotalSeconds;
        return await notes.InWorkspaceAsync<NotesDbContext, DeliveryRound>(workspace, async db =>
        {
            var times = await db.Effects.Join(db.Notes, effect => effect.NoteId, note => note.Id, (effect, note) => new { Effect = effect.CreateTime, Note = note.CreateTime })
                .ToListAsync();
            var distinct = await db.Effects.Select(e => e.NoteId).Distinct().CountAsync();
            return new DeliveryRound(rate, [.. times.Select(t => (t.Effect - t.Note).TotalMilliseconds)], times.Count == events && distinct == events);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => notes.DisposeAsync();
}
