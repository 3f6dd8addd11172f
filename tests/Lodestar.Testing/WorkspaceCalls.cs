using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Security;

namespace Lodestar.Testing;

/// <summary>Clients that act in one workspace with one role, with a token the test hosts accept.</summary>
public static class WorkspaceCalls
{
    /// <summary>A gRPC invoker adding the bearer token and the workspace header to every call.</summary>
    public static CallInvoker Invoker(GrpcChannel channel, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor, string subject = "pm")
    {
        var token = Token(workspace, role, subject);
        return channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            metadata.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());
            return metadata;
        });
    }

    /// <summary>An HttpClient for REST calls to <paramref name="address"/> with the same token and header.</summary>
    public static HttpClient Rest(Uri address, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor, string subject = "rest")
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(workspace, role, subject));
        http.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());
        return http;
    }

    private static string Token(Guid workspace, WorkspaceRole role, string subject) =>
        ServiceHost.Tokens.Issue(subject, new Dictionary<Guid, WorkspaceRole> { [workspace] = role });
}
