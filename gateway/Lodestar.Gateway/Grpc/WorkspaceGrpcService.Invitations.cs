using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Gateway.Access;
using Lodestar.Gateway.Workspaces;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Workspaces.V1;

namespace Lodestar.Gateway.Grpc;

/// <summary>WorkspaceService's invitations: one-time codes an admin hands out and an invitee redeems with their own token.</summary>
public sealed partial class WorkspaceGrpcService
{
    private static readonly TimeSpan DefaultInvitationLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan MinInvitationLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxInvitationLifetime = TimeSpan.FromDays(30);

    public override async Task<V1.Invitation> CreateInvitation(V1.CreateInvitationRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        var workspaceId = ResourceNames.ParseId(request.Parent, WorkspaceMapping.Workspaces, "parent");
        var input = request.Invitation ?? throw new ValidationException("invitation", "Required.");
        var violations = new Violations()
            .DefinedEnum("invitation.role", input.Role, allowZero: false)
            .OptionalText("invitation.invitee", input.Invitee, InvitationRecord.MaxInvitee);
        var lifetime = input.Ttl?.ToTimeSpan() ?? DefaultInvitationLifetime;
        if (lifetime < MinInvitationLifetime || lifetime > MaxInvitationLifetime)
            violations.Add("invitation.ttl", "Between 1 hour and 30 days.");
        violations.ThrowIfAny();
        await admission.RequireAsync(caller, workspaceId, WorkspaceRole.Admin, context.CancellationToken);

        var (code, hash) = ApiKeySecrets.InvitationCode();
        var now = StoredTime.Now;
        var invitation = new InvitationRecord
        {
            WorkspaceId = workspaceId,
            Role = input.Role.ToDomain(),
            Invitee = input.Invitee.Trim(),
            CodeHash = hash,
            ExpireTime = now + lifetime,
            CreateTime = now,
            Creator = caller.Subject,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(context.CancellationToken);
        var created = invitation.ToProto();
        created.Code = code;
        return created;
    }

    public override async Task<V1.ListInvitationsResponse> ListInvitations(V1.ListInvitationsRequest request, ServerCallContext context)
    {
        var (_, workspaceId) = await admission.RequireParentAsync(context, request.Parent, WorkspaceRole.Admin);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListInvitations), request.Parent),
            (skip, take) => db.Invitations.AsNoTracking().Where(i => i.WorkspaceId == workspaceId)
                .OrderByDescending(i => i.CreateTime).ThenByDescending(i => i.Id)
                .Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListInvitationsResponse { Invitations = { page.Select(i => i.ToProto()) }, NextPageToken = next };
    }

    public override async Task<Empty> DeleteInvitation(V1.DeleteInvitationRequest request, ServerCallContext context)
    {
        var (_, _, workspaceId, id) = await admission.RequireChildAsync(context, request.Name, WorkspaceMapping.Invitations, "name", WorkspaceRole.Admin);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.WorkspaceId == workspaceId && i.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("Invitation", request.Name);
        if (invitation.AcceptTime is not null)
            throw new FailedPreconditionException("The invitation was accepted; remove the member instead.");
        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.Member> AcceptInvitation(V1.AcceptInvitationRequest request, ServerCallContext context)
    {
        var caller = WorkspaceAdmission.UserOf(context);
        new Violations().RequiredText("code", request.Code, 200).ThrowIfAny();
        var hash = ApiKeySecrets.Hash(request.Code.Trim());
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.CodeHash == hash, context.CancellationToken)
            ?? throw new NotFoundException("Invitation", "(code)");
        var now = StoredTime.Now;
        if (invitation.AcceptTime is not null) throw new FailedPreconditionException("The invitation has been accepted already.");
        if (invitation.ExpireTime <= now) throw new FailedPreconditionException("The invitation has expired; ask an admin for a new one.");
        if (await db.Members.AnyAsync(m => m.WorkspaceId == invitation.WorkspaceId && m.Subject == caller.Subject, context.CancellationToken))
            throw new AlreadyExistsException("Member", caller.Subject);

        var member = new MemberRecord
        {
            WorkspaceId = invitation.WorkspaceId,
            Subject = caller.Subject,
            Role = invitation.Role,
            CreateTime = now,
            UpdateTime = now,
            Creator = invitation.Creator,
        };
        db.Members.Add(member);
        invitation.AcceptTime = now;
        invitation.Acceptor = caller.Subject;
        invitation.Version++;
        await db.SaveChangesAsync(context.CancellationToken);
        await directory.MemberChangedAsync(member.WorkspaceId, member.Subject, member.Role);
        return member.ToProto();
    }
}
