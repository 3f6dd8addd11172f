using Lodestar.Security;

namespace Lodestar.Gateway.Access;

/// <summary>What an active API key allows: one role in one workspace.</summary>
public sealed record ApiKeyGrant(Guid KeyId, Guid WorkspaceId, WorkspaceRole Role);
