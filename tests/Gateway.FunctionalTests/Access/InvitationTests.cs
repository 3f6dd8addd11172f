using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Gateway.FunctionalTests.Infrastructure;
using Lodestar.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strategy = Lodestar.Strategy.V1;
using Workspaces = Lodestar.Workspaces.V1;

namespace Gateway.FunctionalTests.Access;

/// <summary>Invitations: an admin hands out a one-time code; whoever redeems it with their own token joins with its role.</summary>
public sealed class InvitationTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Workspaces.WorkspaceService.WorkspaceServiceClient As(GatewayPlatform platform, string subject) => new(platform.Invoker(subject: subject));

    private async Task<Workspaces.Invitation> InviteAsync(Guid workspace, Workspaces.Role role = Workspaces.Role.Editor, Duration? ttl = null) =>
        await As(platform, "pm").CreateInvitationAsync(new Workspaces.CreateInvitationRequest
        {
            Parent = $"workspaces/{workspace}",
            Invitation = new Workspaces.Invitation { Role = role, Invitee = "dana@example.com", Ttl = ttl },
        }, cancellationToken: Cancel);

    [Fact]
    public async Task An_invitee_joins_with_the_invitations_role_once()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var invitation = await InviteAsync(workspace);
        var dana = $"dana-{Guid.NewGuid():N}";

        var member = await As(platform, dana).AcceptInvitationAsync(new Workspaces.AcceptInvitationRequest { Code = invitation.Code }, cancellationToken: Cancel);
        await new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace, dana))
            .CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "Dana's" } }, cancellationToken: Cancel);
        var listed = (await As(platform, "pm").ListInvitationsAsync(new Workspaces.ListInvitationsRequest { Parent = $"workspaces/{workspace}" }, cancellationToken: Cancel)).Invitations.Single();

        Assert.StartsWith("lsi_", invitation.Code, StringComparison.Ordinal);
        Assert.InRange(invitation.ExpireTime.ToDateTime(), DateTime.UtcNow.AddDays(7).AddMinutes(-1), DateTime.UtcNow.AddDays(7).AddMinutes(1));
        Assert.Equal((dana, Workspaces.Role.Editor), (member.Subject, member.Role));
        Assert.Equal("", listed.Code);
        Assert.Equal(dana, listed.Acceptor);
        Assert.NotNull(listed.AcceptTime);
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, As(platform, "someone-else").AcceptInvitationAsync(new Workspaces.AcceptInvitationRequest { Code = invitation.Code }, cancellationToken: Cancel));
    }

    [Fact]
    public async Task Invitations_refuse_what_they_should()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var editor = $"editor-{Guid.NewGuid():N}";
        await platform.AddMemberAsync(workspace, editor, Workspaces.Role.Editor);
        var withdrawn = await InviteAsync(workspace);
        var expired = await InviteAsync(workspace, Workspaces.Role.Viewer);
        await As(platform, "pm").DeleteInvitationAsync(new Workspaces.DeleteInvitationRequest { Name = withdrawn.Name }, cancellationToken: Cancel);
        await using (var scope = platform.Gateway.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Invitations.Where(i => i.WorkspaceId == workspace && i.Role == Lodestar.Security.WorkspaceRole.Viewer)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.ExpireTime, DateTime.UtcNow.AddMinutes(-1)), Cancel);
        }
        var stranger = As(platform, $"stranger-{Guid.NewGuid():N}");

        await Rpc.FailsAsync(StatusCode.NotFound, stranger.AcceptInvitationAsync(new Workspaces.AcceptInvitationRequest { Code = withdrawn.Code }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, stranger.AcceptInvitationAsync(new Workspaces.AcceptInvitationRequest { Code = expired.Code }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, stranger.AcceptInvitationAsync(new Workspaces.AcceptInvitationRequest { Code = "lsi_not-a-code" }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.AlreadyExists, As(platform, editor).AcceptInvitationAsync(new Workspaces.AcceptInvitationRequest { Code = (await InviteAsync(workspace)).Code }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.PermissionDenied, As(platform, editor).CreateInvitationAsync(new Workspaces.CreateInvitationRequest
        {
            Parent = $"workspaces/{workspace}",
            Invitation = new Workspaces.Invitation { Role = Workspaces.Role.Admin },
        }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(As(platform, "pm").CreateInvitationAsync(new Workspaces.CreateInvitationRequest
        {
            Parent = $"workspaces/{workspace}",
            Invitation = new Workspaces.Invitation { Ttl = Duration.FromTimeSpan(TimeSpan.FromDays(90)) },
        }, cancellationToken: Cancel), "invitation.role", "invitation.ttl");
    }
}
