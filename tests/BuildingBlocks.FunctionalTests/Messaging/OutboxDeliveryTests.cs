using System.Diagnostics;
using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.NotesService;
using Lodestar.Messaging.Outbox;
using Lodestar.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.FunctionalTests.Messaging;

/// <summary>
/// Every event of a burst arrives and is applied exactly once, through a broker outage and through the publishing
/// process being killed.
/// Effects are counted in the consumer's database, not messages on the wire.
/// </summary>
[Collection(nameof(BrokerOutageCollection))]
public sealed class OutboxDeliveryTests(InfrastructureFixture infrastructure)
{
    private const int Burst = 1_000;
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_burst_survives_the_broker_stopping_mid_burst_for_ten_seconds()
    {
        var eventBus = await infrastructure.NewVirtualHostAsync("outage");
        using var folder = new TempFolder();
        await using var host = await NotesHost.StartAsync(folder.Path, null, eventBus);
        using var clients = new NotesClients(host);
        var workspace = Guid.NewGuid();
        var editor = clients.As(workspace, WorkspaceRole.Editor);

        var outage = new Stopwatch();
        for (var i = 0; i < Burst; i++)
        {
            if (i == 300)
            {
                await infrastructure.RabbitMq.StopAsync(TestContext.Current.CancellationToken);
                outage.Start();
            }
            if (i is > 300 and < 700) await Task.Delay(25, TestContext.Current.CancellationToken); // keep writing through the outage
            if (i == 700)
            {
                if (outage.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(TimeSpan.FromSeconds(10) - outage.Elapsed, TestContext.Current.CancellationToken);
                await infrastructure.RabbitMq.StartAsync(TestContext.Current.CancellationToken);
                outage.Stop();
            }
            await editor.CreateNoteAsync(new Lodestar.Testing.V1.CreateNoteRequest { Note = NotesClients.NewNote($"burst {i}") },
                cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.True(outage.Elapsed >= TimeSpan.FromSeconds(10), $"The broker was down for {outage.Elapsed}.");
        await AssertEachNoteAppliedOnceAsync(host, workspace, Burst);
    }

    [Fact]
    public async Task A_burst_survives_the_publishing_process_being_killed_mid_burst()
    {
        var eventBus = await infrastructure.NewVirtualHostAsync("sigkill");
        using var folder = new TempFolder();
        var workspace = Guid.NewGuid();
        var acknowledged = new List<Guid>();
        var sent = 0;

        await using (var first = await NotesProcess.StartAsync(folder.Path, eventBus))
        using (var clients = new NotesClients(first.GrpcAddress))
        {
            var editor = clients.As(workspace, WorkspaceRole.Editor);
            var killer = Task.CompletedTask;
            try
            {
                for (; sent < Burst; sent++)
                {
                    if (sent == Burst / 2) killer = Task.Run(first.Kill, TestContext.Current.CancellationToken); // lands among the next writes
                    var note = await editor.CreateNoteAsync(new Lodestar.Testing.V1.CreateNoteRequest { Note = NotesClients.NewNote($"burst {sent}") },
                        cancellationToken: TestContext.Current.CancellationToken);
                    acknowledged.Add(Guid.Parse(note.Id));
                }
            }
            catch (Grpc.Core.RpcException)
            {
                // The process died under this call; whether it committed is unknown to the client, as in production.
            }
            await killer;
        }
        Assert.InRange(sent, Burst / 2, Burst - 1);
        await using (var killed = NotesDatabase.OpenSqlite(folder.Path, workspace))
        {
            var pending = await killed.Context.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null, TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine($"Killed after {sent} writes with {pending} events not yet relayed.");
        }

        await using var second = await NotesProcess.StartAsync(folder.Path, eventBus);
        using (var clients = new NotesClients(second.GrpcAddress))
        {
            var editor = clients.As(workspace, WorkspaceRole.Editor);
            for (var i = 0; i < Burst / 2; i++)
            {
                var note = await editor.CreateNoteAsync(new Lodestar.Testing.V1.CreateNoteRequest { Note = NotesClients.NewNote($"after {i}") },
                    cancellationToken: TestContext.Current.CancellationToken);
                acknowledged.Add(Guid.Parse(note.Id));
            }
        }

        await using var database = NotesDatabase.OpenSqlite(folder.Path, workspace);
        var notes = await database.Context.Notes.Select(n => n.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Superset(acknowledged.ToHashSet(), notes.ToHashSet()); // no acknowledged write lost
        await AssertEachNoteAppliedOnceAsync(database.Context, notes.Count);
    }

    private static async Task AssertEachNoteAppliedOnceAsync(ServiceHost host, Guid workspace, int expected) =>
        await host.InWorkspaceAsync(workspace, async db =>
        {
            await AssertEachNoteAppliedOnceAsync(db, expected);
            return 0;
        });

    /// <summary>Every note has exactly one effect, no effect lacks its note, and the outbox is drained.</summary>
    private static async Task AssertEachNoteAppliedOnceAsync(NotesDbContext db, int expected)
    {
        await Eventually.ReachesAsync(() => db.Effects.CountAsync(), count => count >= expected, DeliveryBound, $"{expected} effects");
        await Task.Delay(TimeSpan.FromSeconds(1)); // let any late duplicate land before counting
        var notes = await db.Notes.Select(n => n.Id).ToListAsync();
        var effects = await db.Effects.GroupBy(e => e.NoteId).Select(g => new { NoteId = g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(expected, notes.Count);
        Assert.Equal(notes.Order(), effects.Select(e => e.NoteId).Order());
        Assert.All(effects, e => Assert.Equal(1, e.Count));
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null));
    }
}
