namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>
/// A backlog item was created, changed or deleted: what strategy's roadmap needs of it (the initiatives it delivers, its
/// estimate, its status). Published in the transaction of the change; <see cref="Version"/> is the item's version after
/// it (a delete's is one more than the last), so an older report never wins.
/// </summary>
public sealed record BacklogItemChanged(
    Guid ItemId,
    Guid ProductId,
    string Title,
    IReadOnlyList<Guid> InitiativeIds,
    double? EstimatePoints,
    string Status,
    bool Deleted,
    long Version) : IntegrationEvent;
