using System.Diagnostics;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.NotesService;

public sealed class NoteCreatedConsumer(NotesDbContext db, WorkspaceContext workspace, ILogger<NoteCreatedConsumer> logger)
    : IdempotentConsumer<NoteCreated, NotesDbContext>(db, workspace, logger)
{
    public const string PoisonTitle = "poison";

    /// <summary>Notes titled so are applied by a handler that refuses a second application, as many real ones do.</summary>
    public const string StrictTitlePrefix = "strict:";

    protected override async Task HandleAsync(NoteCreated message, CancellationToken cancellationToken)
    {
        if (message.Title == PoisonTitle) throw new InvalidOperationException("This note can never be processed.");
        if (message.Title.StartsWith(StrictTitlePrefix, StringComparison.Ordinal) && await Db.Effects.AnyAsync(e => e.NoteId == message.NoteId, cancellationToken))
            throw new InvalidOperationException("This note has taken effect already.");
        Db.Effects.Add(new NoteEffect { NoteId = message.NoteId, TraceId = Activity.Current?.TraceId.ToString() });
    }
}
