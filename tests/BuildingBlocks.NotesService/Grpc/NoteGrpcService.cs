using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Testing.V1;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.NotesService;

/// <summary>The shape a real service's gRPC class takes: validate, load in the workspace, change, raise events, save.</summary>
public sealed class NoteGrpcService(NotesDbContext db, IWorkspaceContext workspace) : NoteService.NoteServiceBase
{
    public const string UnexpectedFailureTitle = "boom";
    public const string SecretDetail = "connection string Password=hunter2";

    public override async Task<Lodestar.Testing.V1.Note> CreateNote(CreateNoteRequest request, ServerCallContext context)
    {
        Validate(request.Note, "note");
        if (request.Note.Title == UnexpectedFailureTitle) throw new InvalidOperationException(SecretDetail);
        var note = new Note { Title = request.Note.Title, Body = request.Note.Body };
        db.Notes.Add(note);
        db.AddIntegrationEvent(new NoteCreated(note.Id, note.Title) { WorkspaceId = workspace.WorkspaceId!.Value });
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(note);
    }

    public override async Task<Lodestar.Testing.V1.Note> GetNote(GetNoteRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.Id, "id", context.CancellationToken));

    public override async Task<ListNotesResponse> ListNotes(ListNotesRequest request, ServerCallContext context)
    {
        var (notes, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListNotes)),
            (skip, take) => db.Notes.OrderBy(n => n.CreateTime).ThenBy(n => n.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new ListNotesResponse { Notes = { notes.Select(ToProto) }, NextPageToken = next };
    }

    public override async Task<Lodestar.Testing.V1.Note> UpdateNote(UpdateNoteRequest request, ServerCallContext context)
    {
        var note = await FindAsync(request.Note?.Id ?? "", "note.id", context.CancellationToken);
        db.ExpectETag(note, request.Note!.Etag, "note.etag");
        var paths = request.UpdateMask?.Paths.Count > 0 ? request.UpdateMask.Paths : ["title", "body"];
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title": note.Title = request.Note.Title; break;
                case "body": note.Body = request.Note.Body; break;
                default: throw new ValidationException("update_mask", $"'{path}' is not an updatable field.");
            }
        }
        Validate(new Lodestar.Testing.V1.Note { Title = note.Title, Body = note.Body }, "note");
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(note);
    }

    public override async Task<Empty> DeleteNote(DeleteNoteRequest request, ServerCallContext context)
    {
        var note = await FindAsync(request.Id, "id", context.CancellationToken);
        db.ExpectETag(note, request.Etag);
        db.Notes.Remove(note);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private async Task<Note> FindAsync(string id, string field, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var noteId)) throw new ValidationException(field, "Must be a UUID.");
        return await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? throw new NotFoundException("Note", id);
    }

    private static void Validate(Lodestar.Testing.V1.Note? note, string prefix)
    {
        var violations = new List<FieldViolation>();
        if (note is null)
        {
            violations.Add(new FieldViolation(prefix, "Required."));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(note.Title)) violations.Add(new FieldViolation($"{prefix}.title", "Required."));
            else if (note.Title.Length > 200) violations.Add(new FieldViolation($"{prefix}.title", "At most 200 characters."));
            if (note.Body.Length > 10_000) violations.Add(new FieldViolation($"{prefix}.body", "At most 10,000 characters."));
        }
        if (violations.Count > 0) throw new ValidationException(violations);
    }

    private static Lodestar.Testing.V1.Note ToProto(Note note) => new()
    {
        Id = note.Id.ToString(),
        Title = note.Title,
        Body = note.Body,
        Etag = note.ETag,
        CreateTime = note.CreateTime.ToUtcTimestamp(),
        UpdateTime = note.UpdateTime.ToUtcTimestamp(),
    };
}
