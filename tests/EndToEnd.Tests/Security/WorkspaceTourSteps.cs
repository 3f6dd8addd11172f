namespace EndToEnd.Tests.Security;

/// <summary>The workspace service's part of the tour: B's members, invitations and API keys.</summary>
public static class WorkspaceTourSteps
{
    private const string Service = "WorkspaceService/";

    public static IEnumerable<TourStep> Opening(TourParties parties) =>
    [
        new(Service + "GetWorkspace", $$$"""{"name":"workspaces/{{{parties.WorkspaceB}}}"}""", "workspace"),
        new(Service + "ListWorkspaces", "{}"),
        new(Service + "UpdateWorkspace", """{"workspace":{"name":"@workspace","displayName":"Tour workspace"},"updateMask":"displayName"}"""),
        new(Service + "CreateMember", $$$"""{"parent":"@workspace","member":{"subject":"{{{parties.Viewer}}}","role":"ROLE_VIEWER"}}""", TenantTour.ViewerReady),
        new(Service + "CreateMember", """{"parent":"@workspace","member":{"subject":"tour-editor","role":"ROLE_VIEWER"}}""", "editor"),
        new(Service + "GetMember", """{"name":"@editor"}"""),
        new(Service + "ListMembers", """{"parent":"@workspace"}"""),
        new(Service + "UpdateMember", """{"member":{"name":"@editor","role":"ROLE_EDITOR"},"updateMask":"role"}"""),
        new(Service + "CreateInvitation", """{"parent":"@workspace","invitation":{"role":"ROLE_EDITOR","invitee":"tour-invitee"}}""", "invitation"),
        new(Service + "ListInvitations", """{"parent":"@workspace"}"""),
        new(Service + "DeleteInvitation", """{"name":"@invitation"}"""),
        new(Service + "CreateInvitation", """{"parent":"@workspace","invitation":{"role":"ROLE_VIEWER","invitee":"tour-invitee"}}""", "invitationCode", "code"),
        // Whoever holds the code may accept it: the code, not the caller's membership, is the authority.
        new(Service + "AcceptInvitation", """{"code":"@invitationCode"}""", Caller: "tour-invitee", BearerSecret: true),
        new("ApiKeyService/CreateApiKey", """{"parent":"@workspace","apiKey":{"displayName":"Tour import","role":"ROLE_EDITOR"}}""", "apiKey"),
        new("ApiKeyService/GetApiKey", """{"name":"@apiKey"}"""),
        new("ApiKeyService/ListApiKeys", """{"parent":"@workspace"}"""),
    ];

    public static IEnumerable<TourStep> Closing =>
    [
        new(Service + "DeleteMember", """{"name":"@editor"}"""),
        new("ApiKeyService/RevokeApiKey", """{"name":"@apiKey"}"""),
        new(Service + "CreateWorkspace", """{"workspace":{"displayName":"Another tour workspace"}}"""),
    ];
}
