namespace Lodestar.Backlog.Domain.Items;

/// <summary>
/// The delivery workflow: idea → ready → in progress → done → shipped, one step back where work is reopened, any
/// unfinished status → won't do, and won't do → idea to reopen. Shipped is final: the release marker has gone out.
/// </summary>
public static class StatusRules
{
    public static bool CanMove(ItemStatus from, ItemStatus to) => (from, to) switch
    {
        _ when from == to => true,
        (ItemStatus.Shipped, _) => false,
        (_, ItemStatus.WontDo) => true,
        (ItemStatus.WontDo, ItemStatus.Idea) => true,
        (ItemStatus.WontDo, _) => false,
        _ => Math.Abs((int)to - (int)from) == 1,
    };

    /// <summary>Idea, ready or in progress: still in the backlog.</summary>
    public static bool IsOpen(this ItemStatus status) => status is ItemStatus.Idea or ItemStatus.Ready or ItemStatus.InProgress;

    /// <summary>Done or shipped: no longer blocks anything.</summary>
    public static bool IsFinished(this ItemStatus status) => status is ItemStatus.Done or ItemStatus.Shipped;

    public static IReadOnlyList<ItemStatus> Open { get; } = [ItemStatus.Idea, ItemStatus.Ready, ItemStatus.InProgress];

    public static IReadOnlyList<ItemStatus> Finished { get; } = [ItemStatus.Done, ItemStatus.Shipped];

    /// <summary>The statuses reachable from <paramref name="from"/>, for error messages.</summary>
    public static IEnumerable<ItemStatus> NextFrom(ItemStatus from) => Enum.GetValues<ItemStatus>().Where(to => to != from && CanMove(from, to));
}
