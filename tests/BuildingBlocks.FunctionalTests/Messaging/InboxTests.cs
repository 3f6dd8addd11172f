using System.Diagnostics;
using System.Text;
using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.NotesService;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Lodestar.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace BuildingBlocks.FunctionalTests.Messaging;

/// <summary>Consumers apply each event once, park poison messages with the reason, and continue the producer's trace.</summary>
public sealed class InboxTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();
    private readonly Guid _workspace = Guid.NewGuid();
    private string _eventBus = "";
    private ServiceHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _eventBus = await infrastructure.NewVirtualHostAsync("inbox");
        _host = await NotesHost.StartAsync(_folder.Path, null, _eventBus);
    }

    [Theory]
    [InlineData("delivered three times")]
    [InlineData(NoteCreatedConsumer.StrictTitlePrefix + "delivered three times to a handler that refuses a second application")]
    public async Task A_redelivered_event_is_applied_once_and_acknowledged(string title)
    {
        var counter = new ConsumeCounter();
        var bus = _host.Services.GetRequiredService<IBus>();
        using var observer = new ObserverHandle(bus.ConnectConsumeObserver(counter));
        var duplicate = new NoteCreated(Guid.NewGuid(), title) { WorkspaceId = _workspace };

        // Sequentially, then concurrently: the inbox key refuses both, and every delivery is acknowledged (none faults).
        await bus.Publish(duplicate, c => c.MessageId = duplicate.EventId, TestContext.Current.CancellationToken);
        await Eventually.ReachesAsync(() => Task.FromResult(counter.Consumed(duplicate.EventId)), n => n >= 1, Bound, "first delivery");
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => bus.Publish(duplicate, c => c.MessageId = duplicate.EventId, TestContext.Current.CancellationToken)));
        await Eventually.ReachesAsync(() => Task.FromResult(counter.Consumed(duplicate.EventId)), n => n >= 3, Bound, "three deliveries");

        var (effects, inboxRows) = await _host.InWorkspaceAsync(_workspace, async db =>
            (await db.Effects.CountAsync(e => e.NoteId == duplicate.NoteId),
             await db.Set<InboxMessage>().CountAsync(m => m.EventId == duplicate.EventId)));
        Assert.Equal((1, 1), (effects, inboxRows));
    }

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_with_its_reason_and_the_consumer_keeps_going()
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var poison = new NoteCreated(Guid.NewGuid(), NoteCreatedConsumer.PoisonTitle) { WorkspaceId = _workspace };
        var healthy = new NoteCreated(Guid.NewGuid(), "fine") { WorkspaceId = _workspace };
        await bus.Publish(poison, c => c.MessageId = poison.EventId, TestContext.Current.CancellationToken);
        await bus.Publish(healthy, c => c.MessageId = healthy.EventId, TestContext.Current.CancellationToken);

        await Eventually.ReachesAsync(
            () => _host.InWorkspaceAsync(_workspace, db => db.Effects.CountAsync(e => e.NoteId == healthy.NoteId)),
            n => n == 1, Bound, "the healthy event's effect");

        var errorQueue = new KebabCaseEndpointNameFormatter("notes", false).Consumer<NoteCreatedConsumer>() + "_error";
        var factory = new ConnectionFactory { Uri = new Uri(_eventBus) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        var parked = await Eventually.ReachesAsync(
            () => TryGetAsync(connection, errorQueue),
            message => message is not null, Bound, $"a message in {errorQueue}");

        var reason = Encoding.UTF8.GetString((byte[])parked!.BasicProperties.Headers!["MT-Fault-Message"]!);
        Assert.Contains("never be processed", reason, StringComparison.Ordinal);
        Assert.Contains(poison.EventId.ToString(), Encoding.UTF8.GetString(parked.Body.Span), StringComparison.Ordinal);
        Assert.Equal(0, await _host.InWorkspaceAsync(_workspace, db => db.Effects.CountAsync(e => e.NoteId == poison.NoteId)));
    }

    [Fact]
    public async Task The_consumer_continues_the_trace_of_the_change_that_raised_the_event()
    {
        var traceId = ActivityTraceId.CreateRandom();
        Lodestar.Testing.V1.Note created;
        using (new Activity("caller").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            using var clients = new NotesClients(_host);
            created = await clients.As(_workspace, WorkspaceRole.Editor).CreateNoteAsync(
                new Lodestar.Testing.V1.CreateNoteRequest { Note = NotesClients.NewNote("traced") },
                cancellationToken: TestContext.Current.CancellationToken);
        }
        var noteId = Guid.Parse(created.Id);
        var effect = await Eventually.ReachesAsync(
            () => _host.InWorkspaceAsync(_workspace, db => db.Effects.FirstOrDefaultAsync(e => e.NoteId == noteId)),
            e => e is not null, Bound, "the effect");
        Assert.Equal(traceId.ToHexString(), effect!.TraceId);
    }

    /// <summary>The error queue appears with the first fault; asking for a missing queue closes the channel, hence one per try.</summary>
    private static async Task<BasicGetResult?> TryGetAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private sealed class ObserverHandle(ConnectHandle handle) : IDisposable
    {
        public void Dispose() => handle.Disconnect();
    }
}
