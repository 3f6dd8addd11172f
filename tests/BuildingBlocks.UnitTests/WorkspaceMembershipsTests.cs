using System.Security.Claims;
using Lodestar.Errors;
using Lodestar.Security;

namespace BuildingBlocks.UnitTests;

public sealed class WorkspaceMembershipsTests
{
    private static readonly Guid Workspace = Guid.NewGuid();

    private static ClaimsPrincipal With(params string[] values) =>
        new(new ClaimsIdentity(values.Select(v => new Claim(LodestarClaims.Workspace, v)), "test"));

    [Fact]
    public void The_role_comes_from_the_claim_of_that_workspace() =>
        Assert.Equal(WorkspaceRole.Editor, WorkspaceMemberships.RoleIn(With($"{Guid.NewGuid()}:admin", $"{Workspace}:editor"), Workspace));

    [Fact]
    public void The_highest_of_several_claims_wins() =>
        Assert.Equal(WorkspaceRole.Admin, WorkspaceMemberships.RoleIn(With($"{Workspace}:viewer", $"{Workspace}:admin"), Workspace));

    [Theory]
    [InlineData("not-a-guid:admin")]
    [InlineData("admin")]
    [InlineData("{0}:owner")]
    [InlineData("{0}:")]
    public void Malformed_claims_grant_nothing(string value) =>
        Assert.Equal(WorkspaceRole.None, WorkspaceMemberships.RoleIn(With(string.Format(value, Workspace)), Workspace));

    [Fact]
    public void A_viewer_context_refuses_editor_work_and_a_context_holds_one_workspace()
    {
        var context = new WorkspaceContext();
        Assert.Throws<PermissionDeniedException>(() => context.Require(WorkspaceRole.Viewer));
        context.Enter(Workspace, WorkspaceRole.Viewer, "u");
        context.Require(WorkspaceRole.Viewer);
        Assert.Equal("ERROR_REASON_ROLE_INSUFFICIENT", Assert.Throws<PermissionDeniedException>(() => context.Require(WorkspaceRole.Editor)).Reason);
        Assert.Throws<InvalidOperationException>(() => context.Enter(Guid.NewGuid(), WorkspaceRole.Admin, "u"));
    }
}
