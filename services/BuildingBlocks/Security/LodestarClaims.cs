namespace Lodestar.Security;

/// <summary>Claim and header names shared by token issuers, the gateway and the services.</summary>
public static class LodestarClaims
{
    /// <summary>One claim per workspace membership, valued "{workspaceId}:{role}", e.g. "0b5…:editor".</summary>
    public const string Workspace = "lodestar_ws";

    /// <summary>The request header (gRPC metadata) naming the workspace a call acts in.</summary>
    public const string WorkspaceHeader = "x-workspace-id";
}
