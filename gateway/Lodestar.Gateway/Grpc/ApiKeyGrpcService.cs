using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Gateway.Access;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Gateway.Workspaces;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Workspaces.V1;

namespace Lodestar.Gateway.Grpc;

/// <summary>lodestar.workspaces.v1.ApiKeyService: integrations' credentials, managed by the workspace's admins.</summary>
public sealed class ApiKeyGrpcService(GatewayDbContext db, WorkspaceAdmission admission, AccessDirectory directory)
    : V1.ApiKeyService.ApiKeyServiceBase
{
    public override async Task<V1.ApiKey> CreateApiKey(V1.CreateApiKeyRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var workspaceId = ResourceNames.ParseId(request.Parent, WorkspaceMapping.Workspaces, "parent");
        var input = request.ApiKey ?? throw new ValidationException("api_key", "Required.");
        var violations = new Violations()
            .RequiredText("api_key.display_name", input.DisplayName, WorkspaceRecord.MaxDisplayName)
            .DefinedEnum("api_key.role", input.Role, allowZero: false);
        if (input.Role == V1.Role.Admin) violations.Add("api_key.role", "Keys act as viewer or editor; admin work needs a user.");
        violations.ThrowIfAny();
        await admission.RequireAsync(caller, workspaceId, WorkspaceRole.Admin, context.CancellationToken);

        var (secret, prefix, hash) = ApiKeySecrets.Generate();
        var key = new ApiKeyRecord
        {
            WorkspaceId = workspaceId,
            DisplayName = input.DisplayName.Trim(),
            Role = input.Role.ToDomain(),
            Prefix = prefix,
            Hash = hash,
            CreateTime = StoredTime.Now,
            Creator = caller.Subject,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(context.CancellationToken);
        var created = key.ToProto();
        created.Key = secret;
        return created;
    }

    public override async Task<V1.ApiKey> GetApiKey(V1.GetApiKeyRequest request, ServerCallContext context) =>
        (await FindAsync(request.Name, "name", context)).ToProto();

    public override async Task<V1.ListApiKeysResponse> ListApiKeys(V1.ListApiKeysRequest request, ServerCallContext context)
    {
        var (_, workspaceId) = await admission.RequireParentAsync(context, request.Parent, WorkspaceRole.Admin);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListApiKeys), request.Parent),
            (skip, take) => db.ApiKeys.AsNoTracking().Where(k => k.WorkspaceId == workspaceId)
                .OrderByDescending(k => k.CreateTime).ThenByDescending(k => k.Id)
                .Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListApiKeysResponse { ApiKeys = { page.Select(k => k.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.ApiKey> RevokeApiKey(V1.RevokeApiKeyRequest request, ServerCallContext context)
    {
        var key = await FindAsync(request.Name, "name", context);
        if (key.RevokeTime is null)
        {
            key.RevokeTime = StoredTime.Now;
            await db.SaveChangesAsync(context.CancellationToken);
        }
        await directory.KeyRevokedAsync(key.Hash);
        return key.ToProto();
    }

    private async Task<ApiKeyRecord> FindAsync(string name, string field, ServerCallContext context)
    {
        var (_, _, workspaceId, id) = await admission.RequireChildAsync(context, name, WorkspaceMapping.ApiKeys, field, WorkspaceRole.Admin);
        return await db.ApiKeys.FirstOrDefaultAsync(k => k.WorkspaceId == workspaceId && k.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("ApiKey", name);
    }
}
