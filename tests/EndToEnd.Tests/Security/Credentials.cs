using Grpc.Core;
using Lodestar.Security;

namespace EndToEnd.Tests.Security;

/// <summary>What a call presents to the gateway: an authorization (token or API key) and a workspace header.</summary>
public sealed record Credentials(string Label, string? Authorization, Guid? Workspace)
{
    public static Credentials User(string subject, Guid? workspace) =>
        new($"{subject} in {workspace?.ToString() ?? "no workspace"}", "Bearer " + PlatformFixture.Token(subject), workspace);

    public static Credentials ApiKey(string label, string key, Guid? workspace) => new(label, "Bearer " + key, workspace);

    public Metadata Headers()
    {
        var headers = new Metadata();
        if (Authorization is not null) headers.Add("authorization", Authorization);
        if (Workspace is { } id) headers.Add(LodestarClaims.WorkspaceHeader, id.ToString());
        return headers;
    }
}
