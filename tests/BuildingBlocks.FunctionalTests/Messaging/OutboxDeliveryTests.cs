using System.Diagnostics;
using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.FunctionalTests.Notes;
using Lodestar.Messaging.Outbox;
using Lodestar.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.FunctionalTests.Messaging;

/// <summary>
/// Every event of a burst arrives and is applied exactly once, through a broker outage and through a publisher restart.
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
    public async Task A_burst_survives_the_publishing_process_restarting_mid_burst()
    {
        var eventBus = await infrastructure.NewVirtualHostAsync("restart");
        using var folder = new TempFolder();
        var workspace = Guid.NewGuid();

        var first = await NotesHost.StartAsync(folder.Path, null, eventBus);
        using (var clients = new NotesClients(first))
        {
            var editor = clients.As(workspace, WorkspaceRole.Editor);
            for (var i = 0; i < Burst / 2; i++)
                await editor.CreateNoteAsync(new Lodestar.Testing.V1.CreateNoteRequest { Note = NotesClients.NewNote($"before {i}") },
                    cancellationToken: TestContext.Current.CancellationToken);
        }
        var pendingAtStop = await first.InWorkspaceAsync(workspace, db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null));
        await first.DisposeAsync(); // the relay is stopped wherever it is

        await using var second = await NotesHost.StartAsync(folder.Path, null, eventBus);
        using (var clients = new NotesClients(second))
        {
            var editor = clients.As(workspace, WorkspaceRole.Editor);
            for (var i = 0; i < Burst / 2; i++)
                await editor.CreateNoteAsync(new Lodestar.Testing.V1.CreateNoteRequest { Note = NotesClients.NewNote($"after {i}") },
                    cancellationToken: TestContext.Current.CancellationToken);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Undelivered events when the first process stopped: {pendingAtStop}");
        await AssertEachNoteAppliedOnceAsync(second, workspace, Burst);
    }

    private static async Task AssertEachNoteAppliedOnceAsync(NotesHost host, Guid workspace, int expected)
    {
        await Eventually.ReachesAsync(
            () => host.InWorkspaceAsync(workspace, db => db.Effects.CountAsync()),
            count => count >= expected, DeliveryBound, $"{expected} effects");
        await Task.Delay(TimeSpan.FromSeconds(1)); // let any late duplicate land before counting
        await host.InWorkspaceAsync(workspace, async db =>
        {
            var notes = await db.Notes.Select(n => n.Id).ToListAsync();
            var effects = await db.Effects.GroupBy(e => e.NoteId).Select(g => new { NoteId = g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(expected, notes.Count);
            Assert.Equal(notes.Order(), effects.Select(e => e.NoteId).Order());
            Assert.All(effects, e => Assert.Equal(1, e.Count));
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null));
            return 0;
        });
    }
}
