using BuildingBlocks.NotesService;
using Lodestar.Testing;
using MassTransit;

namespace Lodestar.EventBus.Benchmarks;

/// <summary>
/// The baseline: the note commits, then the event is published straight to RabbitMQ (confirmed, as the relay's are);
/// a plain MassTransit handler with the same prefetch and retries stores the effect, with no inbox and no outbox.
/// </summary>
public sealed class PlainDeliveryPath : DeliveryPath
{
    private readonly IBusControl _bus;

    private PlainDeliveryPath(ServiceHost notes, IBusControl bus) : base("plain MassTransit", notes) => _bus = bus;

    public static async Task<PlainDeliveryPath> StartAsync(ServiceHost notes, string eventBus)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(eventBus), host => host.PublisherConfirmation = true);
            rabbit.ReceiveEndpoint("plain-note-created", endpoint =>
            {
                endpoint.PrefetchCount = 32;
                endpoint.UseMessageRetry(retry => retry.Immediate(3));
                endpoint.Handler<NoteCreated>(context => notes.InWorkspaceAsync<NotesDbContext, int>(context.Message.WorkspaceId, db =>
                {
                    db.Effects.Add(new NoteEffect { NoteId = context.Message.NoteId });
                    return db.SaveChangesAsync(context.CancellationToken);
                }));
            });
        });
        await bus.StartAsync(TimeSpan.FromSeconds(30));
        return new PlainDeliveryPath(notes, bus);
    }

    protected override async Task CommitAsync(NotesDbContext db, NoteCreated created)
    {
        await db.SaveChangesAsync();
        await _bus.Publish(created);
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await _bus.StopAsync(TimeSpan.FromSeconds(30));
        await base.DisposeCoreAsync();
    }
}
