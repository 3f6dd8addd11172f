namespace EndToEnd.Tests.Security;

/// <summary>
/// Who takes part in the tour: B's admin (the owner, who makes every call), a viewer of B, and an intruder who is admin
/// of workspace A and holds an editor API key of A.
/// </summary>
public sealed record TourParties(Guid WorkspaceB, string Owner, string Viewer, Guid WorkspaceA, string Intruder, string IntruderApiKey)
{
    public Credentials OwnerCredentials => Credentials.User(Owner, WorkspaceB);

    public Credentials ViewerCredentials => Credentials.User(Viewer, WorkspaceB);

    /// <summary>The intruder in their own workspace, replaying B's request there.</summary>
    public Credentials IntruderAtHome => Credentials.User(Intruder, WorkspaceA);

    /// <summary>The intruder naming B's workspace, of which they are not a member.</summary>
    public Credentials IntruderInB => Credentials.User(Intruder, WorkspaceB);

    /// <summary>A's API key naming B's workspace.</summary>
    public Credentials IntruderKeyInB => Credentials.ApiKey("an API key of workspace A", IntruderApiKey, WorkspaceB);
}
