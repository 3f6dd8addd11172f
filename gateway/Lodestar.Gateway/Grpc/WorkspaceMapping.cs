using Lodestar.Api;
using Lodestar.Persistence;
using Lodestar.Gateway.Workspaces;
using Lodestar.Security;
using V1 = Lodestar.Workspaces.V1;

namespace Lodestar.Gateway.Grpc;

internal static class WorkspaceMapping
{
    public const string Workspaces = "workspaces";
    public const string Members = "members";
    public const string ApiKeys = "apiKeys";
    public const string Invitations = "invitations";

    public static V1.Workspace ToProto(this WorkspaceRecord workspace, WorkspaceRole callerRole) => new()
    {
        Name = ResourceNames.Format(Workspaces, workspace.Id),
        DisplayName = workspace.DisplayName,
        CallerRole = callerRole.ToProto(),
        CreateTime = workspace.CreateTime.ToUtcTimestamp(),
        UpdateTime = workspace.UpdateTime.ToUtcTimestamp(),
        Creator = workspace.Creator,
    };

    public static V1.Member ToProto(this MemberRecord member) => new()
    {
        Name = ResourceNames.Format(Workspaces, member.WorkspaceId, Members, member.Id),
        Subject = member.Subject,
        Role = member.Role.ToProto(),
        CreateTime = member.CreateTime.ToUtcTimestamp(),
        UpdateTime = member.UpdateTime.ToUtcTimestamp(),
        Creator = member.Creator,
    };

    public static V1.ApiKey ToProto(this ApiKeyRecord key)
    {
        var proto = new V1.ApiKey
        {
            Name = ResourceNames.Format(Workspaces, key.WorkspaceId, ApiKeys, key.Id),
            DisplayName = key.DisplayName,
            Role = key.Role.ToProto(),
            KeyPrefix = key.Prefix,
            CreateTime = key.CreateTime.ToUtcTimestamp(),
            Creator = key.Creator,
        };
        if (key.LastUseTime is { } used) proto.LastUseTime = used.ToUtcTimestamp();
        if (key.RevokeTime is { } revoked) proto.RevokeTime = revoked.ToUtcTimestamp();
        return proto;
    }

    public static V1.Invitation ToProto(this InvitationRecord invitation)
    {
        var proto = new V1.Invitation
        {
            Name = ResourceNames.Format(Workspaces, invitation.WorkspaceId, Invitations, invitation.Id),
            Role = invitation.Role.ToProto(),
            Invitee = invitation.Invitee,
            ExpireTime = invitation.ExpireTime.ToUtcTimestamp(),
            Acceptor = invitation.Acceptor ?? "",
            CreateTime = invitation.CreateTime.ToUtcTimestamp(),
            Creator = invitation.Creator,
        };
        if (invitation.AcceptTime is { } accepted) proto.AcceptTime = accepted.ToUtcTimestamp();
        return proto;
    }

    public static V1.Role ToProto(this WorkspaceRole role) => (V1.Role)(int)role;

    public static WorkspaceRole ToDomain(this V1.Role role) => (WorkspaceRole)(int)role;
}
