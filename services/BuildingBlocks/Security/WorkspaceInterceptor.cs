using Grpc.Core;
using Grpc.Core.Interceptors;
using Lodestar.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Security;

/// <summary>
/// Every Lodestar RPC needs a verified token (else UNAUTHENTICATED), a workspace named in x-workspace-id, a role in
/// that workspace (else PERMISSION_DENIED), and enough role for the method. Health and reflection are left alone.
/// </summary>
public sealed class WorkspaceInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Enter(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Enter(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Enter(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Enter(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void Enter(ServerCallContext context)
    {
        if (!context.Method.StartsWith("/lodestar.", StringComparison.Ordinal)) return;
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid bearer token is required."));

        var header = http.Request.Headers[LodestarClaims.WorkspaceHeader].ToString();
        if (string.IsNullOrWhiteSpace(header))
            throw new ValidationException(LodestarClaims.WorkspaceHeader, "Name the workspace of the call in the x-workspace-id header.");
        if (!Guid.TryParse(header, out var workspaceId))
            throw new ValidationException(LodestarClaims.WorkspaceHeader, "The workspace id must be a UUID.");

        var role = WorkspaceMemberships.RoleIn(http.User, workspaceId);
        if (role == WorkspaceRole.None)
            throw new PermissionDeniedException("ERROR_REASON_WORKSPACE_ACCESS_DENIED", "The caller is not a member of this workspace.");

        var workspace = http.RequestServices.GetRequiredService<WorkspaceContext>();
        workspace.Enter(workspaceId, role, http.User.FindFirst("sub")?.Value ?? "unknown");
        workspace.Require(RequiredRole(http, context.Method));
    }

    private static WorkspaceRole RequiredRole(HttpContext http, string method)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<RequiresRoleAttribute>() is { } declared) return declared.Role;
        return ReadMethods.IsRead(endpoint, method) ? WorkspaceRole.Viewer : WorkspaceRole.Editor;
    }
}
