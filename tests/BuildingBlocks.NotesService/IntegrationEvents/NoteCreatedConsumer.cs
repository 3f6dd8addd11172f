using System.Diagnostics;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.NotesService;

public sealed class NoteCreatedConsumer(NotesDbContext db, WorkspaceContext workspace, ILogger<NoteCreatedConsumer> logger)
    : IdempotentConsumer<NoteCreated, NotesDbContext>(db, workspace, logger)
{
    public const string PoisonTitle = "poison";

    protected override Task HandleAsync(NoteCreated message, CancellationToken cancellationToken)
    {
        if (message.Title == PoisonTitle) throw new InvalidOperationException("This note can never be processed.");
        Db.Effects.Add(new NoteEffect { NoteId = message.NoteId, TraceId = Activity.Current?.TraceId.ToString() });
        return Task.CompletedTask;
    }
}
