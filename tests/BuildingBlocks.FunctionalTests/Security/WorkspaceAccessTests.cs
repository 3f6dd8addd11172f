using BuildingBlocks.FunctionalTests.Infrastructure;
using BuildingBlocks.NotesService;
using Grpc.Core;
using Lodestar.Security;
using Lodestar.Testing.V1;

namespace BuildingBlocks.FunctionalTests.Security;

/// <summary>Tokens, workspaces and roles as a client meets them over gRPC.</summary>
public sealed class WorkspaceAccessTests(NotesHostFixture notes) : IClassFixture<NotesHostFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var client = notes.Clients.WithHeaders(token: null, workspace: Guid.NewGuid().ToString());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_unauthenticated()
    {
        var workspace = Guid.NewGuid();
        var forged = new DevTokenIssuer("another-key-that-is-long-enough-to-sign-0123")
            .Issue("mallory", new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Admin });
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            notes.Clients.WithHeaders(forged, workspace.ToString()).ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated()
    {
        var workspace = Guid.NewGuid();
        var expired = ServiceHost.Tokens.Issue("late", new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Admin }, TimeSpan.FromMinutes(-5));
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            notes.Clients.WithHeaders(expired, workspace.ToString()).ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_call_naming_no_workspace_is_invalid()
    {
        var token = ServiceHost.Tokens.Issue("u", new Dictionary<Guid, WorkspaceRole> { [Guid.NewGuid()] = WorkspaceRole.Admin });
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            notes.Clients.WithHeaders(token, workspace: null).ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetBadRequest()!.FieldViolations, v => v.Field == LodestarClaims.WorkspaceHeader);
    }

    [Fact]
    public async Task A_workspace_the_caller_is_not_a_member_of_is_permission_denied()
    {
        var client = notes.Clients.As(Guid.NewGuid(), WorkspaceRole.Admin, tokenWorkspace: Guid.NewGuid());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("ERROR_REASON_WORKSPACE_ACCESS_DENIED", error.GetErrorInfo()!.Reason);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_write()
    {
        var workspace = Guid.NewGuid();
        var created = await notes.Clients.As(workspace, WorkspaceRole.Editor)
            .CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("readable") }, cancellationToken: Cancel);
        var viewer = notes.Clients.As(workspace, WorkspaceRole.Viewer);

        Assert.Equal("readable", (await viewer.GetNoteAsync(new GetNoteRequest { Id = created.Id }, cancellationToken: Cancel)).Title);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            viewer.CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("not allowed") }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("ERROR_REASON_ROLE_INSUFFICIENT", error.GetErrorInfo()!.Reason);
        Assert.Single((await viewer.ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel)).Notes);
    }

    [Fact]
    public async Task Another_workspaces_note_is_not_found_and_never_listed()
    {
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        var foreign = await notes.Clients.As(theirs, WorkspaceRole.Editor)
            .CreateNoteAsync(new CreateNoteRequest { Note = NotesClients.NewNote("secret plan") }, cancellationToken: Cancel);
        var client = notes.Clients.As(mine, WorkspaceRole.Admin);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetNoteAsync(new GetNoteRequest { Id = foreign.Id }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var deleteError = await Assert.ThrowsAsync<RpcException>(() => client.DeleteNoteAsync(new DeleteNoteRequest { Id = foreign.Id }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, deleteError.StatusCode);
        Assert.Empty((await client.ListNotesAsync(new ListNotesRequest(), cancellationToken: Cancel)).Notes);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        using var http = new HttpClient { BaseAddress = notes.Host.HttpAddress };
        Assert.True((await http.GetAsync(new Uri("/health", UriKind.Relative), Cancel)).IsSuccessStatusCode);
        Assert.True((await http.GetAsync(new Uri("/alive", UriKind.Relative), Cancel)).IsSuccessStatusCode);
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(notes.Host.GrpcAddress);
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        var reply = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), cancellationToken: Cancel);
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Server_reflection_lists_the_services_for_tools_like_grpcurl()
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(notes.Host.GrpcAddress);
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: Cancel);
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" }, Cancel);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Cancel));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("lodestar.testing.v1.NoteService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
