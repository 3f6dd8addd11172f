namespace EndToEnd.Tests.Security;

/// <summary>The tour's steps in order, and a populated workspace with one valid request of every RPC for the hostile suites.</summary>
public static class TourCorpus
{
    /// <summary>Everything a workspace holds, created, read, changed and run.</summary>
    public static IEnumerable<TourStep> Building(TourParties parties, DateTimeOffset now) =>
        WorkspaceTourSteps.Opening(parties)
            .Concat(StrategyTourSteps.Building)
            .Concat(DiscoveryTourSteps.Building)
            .Concat(BacklogTourSteps.Building(DateOnly.FromDateTime(now.UtcDateTime)))
            .Concat(MetricsTourSteps.Building(now));

    /// <summary>The deletes, archive and revocation that end it, dependants first.</summary>
    public static IEnumerable<TourStep> Ending =>
        MetricsTourSteps.Removing
            .Concat(BacklogTourSteps.Removing)
            .Concat(DiscoveryTourSteps.Removing)
            .Concat(StrategyTourSteps.Removing)
            .Concat(WorkspaceTourSteps.Closing);

    /// <summary>
    /// Builds <paramref name="workspace"/> up as <paramref name="owner"/> (nobody else tries the calls) and returns every
    /// request made, then, unsent, the requests that would end it, so every RPC has a valid request against live data.
    /// </summary>
    public static async Task<IReadOnlyList<RecordedCall>> BuildAsync(DynamicRpc rpc, Guid workspace, string owner)
    {
        var parties = new TourParties(workspace, owner, owner + "-viewer", workspace, owner, "");
        var tour = new TenantTour(rpc, parties, othersTry: false);
        await tour.RunAsync(Building(parties, DateTimeOffset.UtcNow));
        Assert.True(tour.Findings.Count == 0, string.Join(Environment.NewLine, tour.Findings));
        return [.. tour.Recorded, .. tour.Planned(Ending)];
    }

    /// <summary>A new workspace of <paramref name="owner"/> built up by the tour, the caller it used, and its requests.</summary>
    public static async Task<(Guid Workspace, DynamicRpc Rpc, IReadOnlyList<RecordedCall> Corpus)> InNewWorkspaceAsync(PlatformFixture fixture, string owner)
    {
        var workspace = await fixture.NewWorkspaceAsync(owner);
        var rpc = new DynamicRpc(fixture.Gateway.CreateCallInvoker());
        return (workspace, rpc, await BuildAsync(rpc, workspace, owner));
    }
}
