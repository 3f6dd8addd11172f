using Grpc.Core;
using Grpc.Net.Client;
using Lodestar.Security;
using WorkspacesV1 = Lodestar.Workspaces.V1;

namespace Lodestar.AppHost;

/// <summary>
/// A development workspace (its id kept in the data folder, so a restart keeps it) and an admin token for it, signed
/// with the development key that the gateway and the services trust in the Development environment.
/// </summary>
public sealed record DevelopmentAccess(Guid Workspace, string Token)
{
    public const string Subject = "developer";

    public static DevelopmentAccess Create(string dataRoot)
    {
        var file = Path.Combine(dataRoot, "dev-workspace");
        Directory.CreateDirectory(dataRoot);
        if (!File.Exists(file) || !Guid.TryParse(File.ReadAllText(file).Trim(), out var workspace))
        {
            workspace = Guid.NewGuid();
            File.WriteAllText(file, workspace.ToString());
        }
        var token = new DevTokenIssuer(DevTokenIssuer.DevelopmentSigningKey)
            .Issue(Subject, new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Admin }, TimeSpan.FromHours(12));
        return new DevelopmentAccess(workspace, token);
    }

    /// <summary>Creates the workspace through the gateway, with the developer as its admin, unless it exists.</summary>
    public async Task EnsureWorkspaceAsync(Uri gatewayGrpc, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(gatewayGrpc);
        var client = new WorkspacesV1.WorkspaceService.WorkspaceServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + Token } };
        try
        {
            await client.CreateWorkspaceAsync(new WorkspacesV1.CreateWorkspaceRequest
            {
                Workspace = new WorkspacesV1.Workspace { DisplayName = "Development" },
                WorkspaceId = Workspace.ToString(),
            }, headers, DateTime.UtcNow.AddSeconds(30), cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // Kept from an earlier run.
        }
    }
}
