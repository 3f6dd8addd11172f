using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.NotesService;
using Grpc.Core;
using Lodestar.Security;
using Lodestar.Testing.V1;

namespace BuildingBlocks.FunctionalTests.Api;

/// <summary>How failures reach gRPC and REST clients: one status each, google.rpc details, nothing leaked.</summary>
public sealed class ErrorMappingTests(NotesHostFixture notes) : IClassFixture<NotesHostFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly Guid _workspace = Guid.NewGuid();

    private NoteService.NoteServiceClient Editor => notes.Clients.As(_workspace, WorkspaceRole.Editor);

    [Fact]
    public async Task Two_invalid_fields_are_one_invalid_argument_with_two_field_violations_and_nothing_is_created()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Editor.CreateNoteAsync(
            new CreateNoteRequest { Note = NotesClients.NewNote("", new string('x', 10_001)) }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetBadRequest()!.FieldViolations.Select(v => v.Field).Order().ToList();
        Assert.Equal(["note.body", "note.title"], violations);
        Assert.Equal("ERROR_REASON_VALIDATION_FAILED", error.GetErrorInfo()!.Reason);
        Assert.Equal("lodestar.dev", error.GetErrorInfo()!.Domain);
        Assert.Empty((await Editor.ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel)).Notes);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_with_the_resource_named()
    {
        var id = Guid.NewGuid().ToString();
        var error = await Assert.ThrowsAsync<RpcException>(() => Editor.GetNoteAsync(new GetNoteRequest { Id = id }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(("Note", id), (error.GetResourceInfo()!.ResourceType, error.GetResourceInfo()!.ResourceName));
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_the_newer_value_stands()
    {
        var note = await Editor.CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("first") }, cancellationToken: Cancel);
        var staleEtag = note.Etag;
        note.Title = "second";
        var updated = await Editor.UpdateNoteAsync(new UpdateNoteRequest { Note = note }, cancellationToken: Cancel);
        Assert.NotEqual(staleEtag, updated.Etag);

        note.Title = "lost update";
        note.Etag = staleEtag;
        var error = await Assert.ThrowsAsync<RpcException>(() => Editor.UpdateNoteAsync(new UpdateNoteRequest { Note = note }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("ERROR_REASON_ETAG_MISMATCH", error.GetErrorInfo()!.Reason);
        Assert.Equal("second", (await Editor.GetNoteAsync(new GetNoteRequest { Id = note.Id }, cancellationToken: Cancel)).Title);
    }

    [Fact]
    public async Task A_malformed_etag_is_invalid_argument()
    {
        var note = await Editor.CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("etag") }, cancellationToken: Cancel);
        var error = await Assert.ThrowsAsync<RpcException>(() => Editor.DeleteNoteAsync(new DeleteNoteRequest { Id = note.Id, Etag = "garbage" }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("etag", Assert.Single(error.GetBadRequest()!.FieldViolations).Field);
    }

    [Fact]
    public async Task A_duplicate_is_already_exists()
    {
        await Editor.CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("twice") }, cancellationToken: Cancel);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Editor.CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("twice") }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_is_internal_with_a_trace_id_and_no_internals()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        // The client's HttpClient propagates the current activity as the W3C traceparent header.
        using var caller = new Activity("caller").SetParentId($"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01").Start();

        var error = await Assert.ThrowsAsync<RpcException>(() => Editor.CreateNoteAsync(
            new CreateNoteRequest { Note = NotesClients.NewNote(NoteGrpcService.UnexpectedFailureTitle) }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("hunter2", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(traceId, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(traceId, error.GetRequestInfo()!.RequestId);
    }

    [Fact]
    public async Task Pages_follow_tokens_and_a_tampered_token_is_invalid()
    {
        for (var i = 0; i < 5; i++)
            await Editor.CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote($"page {i}") }, cancellationToken: Cancel);
        var titles = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Editor.ListNotesAsync(new ListNotesRequest { PageSize = 2, PageToken = token }, cancellationToken: Cancel);
            titles.AddRange(page.Notes.Select(n => n.Title));
            token = page.NextPageToken;
            pages++;
        } while (token != "");
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"page {i}"), titles);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Editor.ListNotesAsync(new ListNotesRequest { PageToken = "not-a-token" }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var negative = await Assert.ThrowsAsync<RpcException>(() =>
            Editor.ListNotesAsync(new ListNotesRequest { PageSize = -1 }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal("page_size", Assert.Single(negative.GetBadRequest()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Rest_through_transcoding_is_the_same_api_with_http_statuses()
    {
        using var http = new HttpClient { BaseAddress = notes.Host.HttpAddress };
        var token = ServiceHost.Tokens.Issue("rest", new Dictionary<Guid, WorkspaceRole> { [_workspace] = WorkspaceRole.Editor });

        using var anonymous = await http.GetAsync(new Uri("/v1/notes", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, _workspace.ToString());

        using var invalid = await http.PostAsJsonAsync("/v1/notes", new { title = "" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var status = await invalid.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        Assert.Contains("note.title", status.GetProperty("details").GetRawText(), StringComparison.Ordinal);

        using var created = await http.PostAsJsonAsync("/v1/notes", new { title = "over rest", body = "json" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();

        using var read = await http.GetAsync(new Uri($"/v1/notes/{id}", UriKind.Relative), Cancel);
        Assert.Equal("over rest", (await read.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("title").GetString());
        using var missing = await http.GetAsync(new Uri($"/v1/notes/{Guid.NewGuid()}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
