using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Gateway.Workspaces;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Workspaces.V1;

namespace Lodestar.Gateway.Grpc;

/// <summary>WorkspaceService's member methods: admins add, re-role and remove members; members may leave.</summary>
public sealed partial class WorkspaceGrpcService
{
    private static readonly string[] MemberFields = ["role"];

    public override async Task<V1.Member> CreateMember(V1.CreateMemberRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var workspaceId = ResourceNames.ParseId(request.Parent, WorkspaceMapping.Workspaces, "parent");
        var input = request.Member ?? throw new ValidationException("member", "Required.");
        new Violations()
            .RequiredText("member.subject", input.Subject, MemberRecord.MaxSubject)
            .DefinedEnum("member.role", input.Role, allowZero: false)
            .ThrowIfAny();
        await admission.RequireAsync(caller, workspaceId, WorkspaceRole.Admin, context.CancellationToken);
        var subject = input.Subject.Trim();
        if (await db.Members.AnyAsync(m => m.WorkspaceId == workspaceId && m.Subject == subject, context.CancellationToken))
            throw new AlreadyExistsException("Member", subject);

        var now = StoredTime.Now;
        var member = new MemberRecord { WorkspaceId = workspaceId, Subject = subject, Role = input.Role.ToDomain(), CreateTime = now, UpdateTime = now, Creator = caller.Subject };
        db.Members.Add(member);
        await db.SaveChangesAsync(context.CancellationToken);
        await directory.MemberChangedAsync(workspaceId, subject, member.Role);
        return member.ToProto();
    }

    public override async Task<V1.Member> GetMember(V1.GetMemberRequest request, ServerCallContext context)
    {
        var (_, _, workspaceId, id) = await admission.RequireChildAsync(context, request.Name, WorkspaceMapping.Members, "name", WorkspaceRole.Viewer);
        return (await FindMemberAsync(workspaceId, id, request.Name, context.CancellationToken)).ToProto();
    }

    public override async Task<V1.ListMembersResponse> ListMembers(V1.ListMembersRequest request, ServerCallContext context)
    {
        var (_, workspaceId) = await admission.RequireParentAsync(context, request.Parent, WorkspaceRole.Viewer);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListMembers), request.Parent),
            (skip, take) => db.Members.AsNoTracking().Where(m => m.WorkspaceId == workspaceId)
                .OrderBy(m => m.Subject).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListMembersResponse { Members = { page.Select(m => m.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Member> UpdateMember(V1.UpdateMemberRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var input = request.Member ?? throw new ValidationException("member", "Required.");
        var (workspaceId, id) = ResourceNames.ParseChildId(input.Name, WorkspaceMapping.Workspaces, WorkspaceMapping.Members, "member.name");
        var paths = FieldMasks.OrAll(request.UpdateMask, MemberFields);
        if (paths.Contains("role")) new Violations().DefinedEnum("member.role", input.Role, allowZero: false).ThrowIfAny();
        await admission.RequireAsync(caller, workspaceId, WorkspaceRole.Admin, context.CancellationToken);

        var member = await FindMemberAsync(workspaceId, id, input.Name, context.CancellationToken);
        if (paths.Contains("role") && member.Role != input.Role.ToDomain())
        {
            if (member.Role == WorkspaceRole.Admin) await EnsureAnotherAdminAsync(member, context.CancellationToken);
            member.Role = input.Role.ToDomain();
            member.UpdateTime = StoredTime.Now;
            await db.SaveChangesAsync(context.CancellationToken);
            await directory.MemberChangedAsync(workspaceId, member.Subject, member.Role);
        }
        return member.ToProto();
    }

    public override async Task<Empty> DeleteMember(V1.DeleteMemberRequest request, ServerCallContext context)
    {
        var (caller, role, workspaceId, id) = await admission.RequireChildAsync(context, request.Name, WorkspaceMapping.Members, "name", WorkspaceRole.Viewer);
        var member = await FindMemberAsync(workspaceId, id, request.Name, context.CancellationToken);
        if (member.Subject != caller.Subject && role < WorkspaceRole.Admin)
            throw new PermissionDeniedException("ERROR_REASON_ROLE_INSUFFICIENT", "Only admins remove other members; members may remove themselves.");
        if (member.Role == WorkspaceRole.Admin) await EnsureAnotherAdminAsync(member, context.CancellationToken);

        db.Members.Remove(member);
        await db.SaveChangesAsync(context.CancellationToken);
        await directory.MemberChangedAsync(workspaceId, member.Subject, WorkspaceRole.None);
        return new Empty();
    }

    private async Task<MemberRecord> FindMemberAsync(Guid workspaceId, Guid id, string name, CancellationToken cancellationToken) =>
        await db.Members.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.Id == id, cancellationToken)
        ?? throw new NotFoundException("Member", name);

    private async Task EnsureAnotherAdminAsync(MemberRecord admin, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.WorkspaceId == admin.WorkspaceId && m.Id != admin.Id && m.Role == WorkspaceRole.Admin, cancellationToken))
            throw new FailedPreconditionException("The workspace's last admin cannot be removed or demoted: make another member admin first.");
    }
}
