using System.Data.Common;
using Lodestar.Errors;
using Lodestar.Gateway.Hygiene;
using Lodestar.Security;

namespace Lodestar.Gateway.Access;

/// <summary>
/// The edge's checks, by the endpoint's <see cref="AccessPolicy"/>. A proxied call needs a caller, a workspace the caller
/// belongs to (an API key's own workspace when none is named), and room in that workspace's rate limit; it then goes
/// on with the caller's credential replaced by a token the gateway signs for that workspace and role. Nothing that
/// fails a check reaches a service.
/// </summary>
public sealed class EdgeAccessMiddleware(
    RequestDelegate next,
    CallerAuthenticator authenticator,
    EdgeAdmission admission,
    ForwardedTokens tokens,
    ApiKeyUsage usage)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<AccessPolicy>();
        if (policy is null)
        {
            await next(http);
            return;
        }
        try
        {
            var caller = await authenticator.AuthenticateAsync(http);
            http.Features.Set(caller);
            if (policy == AccessPolicy.Forwarded) await AdmitAsync(http, caller);
            if (caller.ApiKey is { } key) usage.Record(key.KeyId);
        }
        catch (LodestarException refused)
        {
            await EdgeErrors.WriteAsync(http, refused);
            return;
        }
        catch (DbException ex)
        {
            await EdgeErrors.WriteAsync(http, new UnavailableException("The gateway's database does not answer; retry shortly.", ex));
            return;
        }
        await next(http);
    }

    private async Task AdmitAsync(HttpContext http, Caller caller)
    {
        var workspaceId = Workspace(http, caller);
        var role = await admission.AdmitAsync(caller, workspaceId, http.RequestAborted);
        var headers = http.Request.Headers;
        headers.Remove(CallerAuthenticator.ApiKeyHeader);
        headers.Authorization = tokens.For(caller.Subject, workspaceId, role);
        headers[LodestarClaims.WorkspaceHeader] = workspaceId.ToString("D");
    }

    private static Guid Workspace(HttpContext http, Caller caller)
    {
        var header = http.Request.Headers[LodestarClaims.WorkspaceHeader].ToString();
        if (header.Length == 0)
        {
            return caller.ApiKey?.WorkspaceId
                ?? throw new ValidationException(LodestarClaims.WorkspaceHeader, "Name the workspace of the call in the x-workspace-id header.");
        }
        return Guid.TryParse(header, out var workspaceId)
            ? workspaceId
            : throw new ValidationException(LodestarClaims.WorkspaceHeader, "The workspace id must be a UUID.");
    }
}
