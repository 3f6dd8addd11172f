using Lodestar.Security;

namespace Lodestar.AppHost;

/// <summary>
/// A development workspace (its id kept in the data folder, so a restart keeps it) and an admin token for it, signed
/// with the development key the services trust in the Development environment.
/// </summary>
internal static class DevelopmentAccess
{
    public static (Guid Workspace, string Token) Create(string dataRoot)
    {
        var file = Path.Combine(dataRoot, "dev-workspace");
        Directory.CreateDirectory(dataRoot);
        if (!File.Exists(file) || !Guid.TryParse(File.ReadAllText(file).Trim(), out var workspace))
        {
            workspace = Guid.NewGuid();
            File.WriteAllText(file, workspace.ToString());
        }
        var token = new DevTokenIssuer(DevTokenIssuer.DevelopmentSigningKey)
            .Issue("developer", new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Admin }, TimeSpan.FromHours(12));
        return (workspace, token);
    }
}
