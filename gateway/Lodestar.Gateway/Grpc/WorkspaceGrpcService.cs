using Google.Protobuf.WellKnownTypes;
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

/// <summary>lodestar.workspaces.v1.WorkspaceService: workspaces (here), their members and invitations (partial files).</summary>
public sealed partial class WorkspaceGrpcService(GatewayDbContext db, WorkspaceAdmission admission, AccessDirectory directory)
    : V1.WorkspaceService.WorkspaceServiceBase
{
    private static readonly string[] WorkspaceFields = ["display_name"];

    public override async Task<V1.Workspace> CreateWorkspace(V1.CreateWorkspaceRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var input = request.Workspace ?? throw new ValidationException("workspace", "Required.");
        var violations = new Violations().RequiredText("workspace.display_name", input.DisplayName, WorkspaceRecord.MaxDisplayName);
        var id = Guid.CreateVersion7();
        if (request.WorkspaceId.Length > 0 && !Guid.TryParseExact(request.WorkspaceId, "D", out id))
            violations.Add("workspace_id", "A UUID such as 0b5c7a4e-3f7e-4d5e-9f3a-2a1b7c9d8e6f, or empty to generate one.");
        violations.ThrowIfAny();
        if (await db.Workspaces.AnyAsync(w => w.Id == id, context.CancellationToken))
            throw new AlreadyExistsException("Workspace", ResourceNames.Format(WorkspaceMapping.Workspaces, id));

        var now = StoredTime.Now;
        var workspace = new WorkspaceRecord { Id = id, DisplayName = input.DisplayName.Trim(), CreateTime = now, UpdateTime = now, Creator = caller.Subject };
        db.Workspaces.Add(workspace);
        db.Members.Add(new MemberRecord { WorkspaceId = id, Subject = caller.Subject, Role = WorkspaceRole.Admin, CreateTime = now, UpdateTime = now, Creator = caller.Subject });
        await db.SaveChangesAsync(context.CancellationToken);
        await directory.MemberChangedAsync(id, caller.Subject, WorkspaceRole.Admin);
        return workspace.ToProto(WorkspaceRole.Admin);
    }

    public override async Task<V1.Workspace> GetWorkspace(V1.GetWorkspaceRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var id = ResourceNames.ParseId(request.Name, WorkspaceMapping.Workspaces, "name");
        var role = await admission.RequireAsync(caller, id, WorkspaceRole.Viewer, context.CancellationToken);
        return (await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == id, context.CancellationToken)).ToProto(role);
    }

    public override async Task<V1.ListWorkspacesResponse> ListWorkspaces(V1.ListWorkspacesRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListWorkspaces)),
            (skip, take) => db.Members.AsNoTracking()
                .Where(m => m.Subject == caller.Subject)
                .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new { Workspace = w, m.Role })
                .OrderBy(x => x.Workspace.DisplayName).ThenBy(x => x.Workspace.Id)
                .Skip(skip).Take(take)
                .ToListAsync(context.CancellationToken));
        return new V1.ListWorkspacesResponse { Workspaces = { page.Select(x => x.Workspace.ToProto(x.Role)) }, NextPageToken = next };
    }

    public override async Task<V1.Workspace> UpdateWorkspace(V1.UpdateWorkspaceRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var input = request.Workspace ?? throw new ValidationException("workspace", "Required.");
        var id = ResourceNames.ParseId(input.Name, WorkspaceMapping.Workspaces, "workspace.name");
        var paths = FieldMasks.OrAll(request.UpdateMask, WorkspaceFields);
        if (paths.Contains("display_name"))
            new Violations().RequiredText("workspace.display_name", input.DisplayName, WorkspaceRecord.MaxDisplayName).ThrowIfAny();
        var role = await admission.RequireAsync(caller, id, WorkspaceRole.Admin, context.CancellationToken);

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == id, context.CancellationToken);
        if (paths.Contains("display_name")) workspace.DisplayName = input.DisplayName.Trim();
        workspace.UpdateTime = StoredTime.Now;
        await db.SaveChangesAsync(context.CancellationToken);
        return workspace.ToProto(role);
    }
}
