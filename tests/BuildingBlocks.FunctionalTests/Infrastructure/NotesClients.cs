using BuildingBlocks.NotesService;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Security;
using Lodestar.Testing.V1;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>gRPC clients of the notes service, calling as a given member of a workspace.</summary>
public sealed class NotesClients(Uri grpcAddress) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(grpcAddress);

    public NotesClients(ServiceHost host) : this(host.GrpcAddress) { }

    public NoteService.NoteServiceClient As(Guid workspaceId, WorkspaceRole role, Guid? tokenWorkspace = null) =>
        WithHeaders(
            ServiceHost.Tokens.Issue("user-" + role, new Dictionary<Guid, WorkspaceRole> { [tokenWorkspace ?? workspaceId] = role }),
            workspaceId.ToString());

    public NoteService.NoteServiceClient WithHeaders(string? token, string? workspace, IDictionary<string, string>? more = null) =>
        new(_channel.Intercept(metadata =>
        {
            if (token is not null) metadata.Add("authorization", "Bearer " + token);
            if (workspace is not null) metadata.Add(LodestarClaims.WorkspaceHeader, workspace);
            foreach (var (key, value) in more ?? new Dictionary<string, string>()) metadata.Add(key, value);
            return metadata;
        }));

    public static Lodestar.Testing.V1.Note NewNote(string title, string body = "") => new() { Title = title, Body = body };

    public void Dispose() => _channel.Dispose();
}
