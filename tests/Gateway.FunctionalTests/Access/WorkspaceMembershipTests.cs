using Grpc.Core;
using Gateway.FunctionalTests.Infrastructure;
using Strategy = Lodestar.Strategy.V1;
using Workspaces = Lodestar.Workspaces.V1;

namespace Gateway.FunctionalTests.Access;

/// <summary>Workspaces and members decide every proxied call's role, and changes apply on the next call.</summary>
public sealed class WorkspaceMembershipTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Workspaces.WorkspaceService.WorkspaceServiceClient WorkspacesAs(string subject) => new(platform.Invoker(subject: subject));

    private Strategy.ProductService.ProductServiceClient ProductsAs(string subject, Guid workspace) => new(platform.Invoker(workspace, subject));

    [Fact]
    public async Task A_creator_administers_the_workspace_and_lists_it_among_their_own()
    {
        var subject = $"founder-{Guid.NewGuid():N}";
        var workspaces = WorkspacesAs(subject);

        var created = await workspaces.CreateWorkspaceAsync(new Workspaces.CreateWorkspaceRequest { Workspace = new Workspaces.Workspace { DisplayName = "  Acme  " } }, cancellationToken: Cancel);
        await platform.NewWorkspaceAsync(admin: subject);
        var renamed = await workspaces.UpdateWorkspaceAsync(new Workspaces.UpdateWorkspaceRequest { Workspace = new Workspaces.Workspace { Name = created.Name, DisplayName = "Acme Inc" } }, cancellationToken: Cancel);
        var mine = await workspaces.ListWorkspacesAsync(new Workspaces.ListWorkspacesRequest { PageSize = 1 }, cancellationToken: Cancel);
        var rest = await workspaces.ListWorkspacesAsync(new Workspaces.ListWorkspacesRequest { PageSize = 1, PageToken = mine.NextPageToken }, cancellationToken: Cancel);
        var members = await workspaces.ListMembersAsync(new Workspaces.ListMembersRequest { Parent = created.Name }, cancellationToken: Cancel);

        Assert.Equal("Acme", created.DisplayName);
        Assert.Equal(Workspaces.Role.Admin, created.CallerRole);
        Assert.Equal(subject, created.Creator);
        Assert.Equal("Acme Inc", renamed.DisplayName);
        Assert.Equal("Acme Inc", Assert.Single(mine.Workspaces).DisplayName);
        Assert.Equal($"Workspace of {subject}", Assert.Single(rest.Workspaces).DisplayName);
        Assert.Equal("", rest.NextPageToken);
        Assert.Equal((subject, Workspaces.Role.Admin), (Assert.Single(members.Members).Subject, members.Members[0].Role));
    }

    [Fact]
    public async Task Roles_decide_what_members_may_do_and_changes_apply_on_the_next_call()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var subject = $"analyst-{Guid.NewGuid():N}";
        var member = await platform.AddMemberAsync(workspace, subject, Workspaces.Role.Viewer);
        var products = ProductsAs(subject, workspace);
        var create = new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "Roles" } };

        await products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.PermissionDenied, products.CreateProductAsync(create, cancellationToken: Cancel));

        var admin = WorkspacesAs("pm");
        await admin.UpdateMemberAsync(new Workspaces.UpdateMemberRequest { Member = new Workspaces.Member { Name = member.Name, Role = Workspaces.Role.Editor } }, cancellationToken: Cancel);
        await products.CreateProductAsync(create, cancellationToken: Cancel);

        await admin.DeleteMemberAsync(new Workspaces.DeleteMemberRequest { Name = member.Name }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.PermissionDenied, products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, WorkspacesAs(subject).GetWorkspaceAsync(new Workspaces.GetWorkspaceRequest { Name = $"workspaces/{workspace}" }, cancellationToken: Cancel));
    }

    [Fact]
    public async Task Only_admins_manage_members_and_the_last_admin_stays()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var editor = $"editor-{Guid.NewGuid():N}";
        await platform.AddMemberAsync(workspace, editor, Workspaces.Role.Editor);
        var admin = WorkspacesAs("pm");
        var members = (await admin.ListMembersAsync(new Workspaces.ListMembersRequest { Parent = $"workspaces/{workspace}" }, cancellationToken: Cancel)).Members;
        var self = members.Single(m => m.Subject == "pm");
        var add = new Workspaces.CreateMemberRequest { Parent = $"workspaces/{workspace}", Member = new Workspaces.Member { Subject = "someone", Role = Workspaces.Role.Viewer } };

        await Rpc.FailsAsync(StatusCode.PermissionDenied, WorkspacesAs(editor).CreateMemberAsync(add, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, WorkspacesAs("outsider").CreateMemberAsync(add, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.AlreadyExists, admin.CreateMemberAsync(new Workspaces.CreateMemberRequest { Parent = add.Parent, Member = new Workspaces.Member { Subject = editor, Role = Workspaces.Role.Viewer } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, admin.UpdateMemberAsync(new Workspaces.UpdateMemberRequest { Member = new Workspaces.Member { Name = self.Name, Role = Workspaces.Role.Viewer } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, admin.DeleteMemberAsync(new Workspaces.DeleteMemberRequest { Name = self.Name }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(admin.CreateMemberAsync(new Workspaces.CreateMemberRequest { Parent = add.Parent, Member = new Workspaces.Member() }, cancellationToken: Cancel), "member.subject", "member.role");
        await Rpc.InvalidAsync(admin.CreateWorkspaceAsync(new Workspaces.CreateWorkspaceRequest { Workspace = new Workspaces.Workspace(), WorkspaceId = "not-a-uuid" }, cancellationToken: Cancel), "workspace.display_name", "workspace_id");

        var leaving = members.Single(m => m.Subject == editor);
        await WorkspacesAs(editor).DeleteMemberAsync(new Workspaces.DeleteMemberRequest { Name = leaving.Name }, cancellationToken: Cancel);
        var after = await admin.ListMembersAsync(new Workspaces.ListMembersRequest { Parent = $"workspaces/{workspace}" }, cancellationToken: Cancel);
        Assert.Equal(["pm"], after.Members.Select(m => m.Subject));
    }

    [Fact]
    public async Task Workspaces_are_managed_over_rest_too()
    {
        var subject = $"rest-{Guid.NewGuid():N}";
        using var rest = platform.Rest(subject: subject);

        var created = await rest.CallAsync(HttpMethod.Post, "/v1/workspaces", new { displayName = "Over REST" });
        var member = await rest.CallAsync(HttpMethod.Post, $"/v1/{created.Str("name")}/members", new { subject = "colleague", role = "ROLE_EDITOR" });
        var listed = await rest.CallAsync(HttpMethod.Get, $"/v1/{created.Str("name")}/members");
        using var unknownField = await rest.PostAsync(new Uri("/v1/workspaces", UriKind.Relative),
            new StringContent("""{"displayName":"x","owner":"me"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal("ROLE_ADMIN", created.Str("callerRole"));
        Assert.Equal("ROLE_EDITOR", member.Str("role"));
        Assert.Equal(2, listed.GetProperty("members").GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknownField.StatusCode);
    }
}
