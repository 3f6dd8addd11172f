namespace Lodestar.Metrics.Domain.Events;

/// <summary>
/// A user of a product, numbered densely per product so a day's active users fit a bitmap of one bit per user.
/// </summary>
public sealed class ProductUser
{
    public Guid WorkspaceId { get; set; }

    public Guid ProductId { get; set; }

    public int UserIndex { get; set; }

    /// <summary><c>u:</c> + user id, or <c>a:</c> + anonymous id.</summary>
    public string DistinctId { get; set; } = "";

    /// <summary>The UTC day of the user's earliest event (day number): their cohort.</summary>
    public int FirstSeenDay { get; set; }

    /// <summary>The cohort before a late, earlier event moved the user; lets a rebuild undo the old cohort bit.</summary>
    public int? PreviousFirstSeenDay { get; set; }

    /// <summary>The product's ingestion revision that created or last moved the user.</summary>
    public long Revision { get; set; }

    public static string ForUser(string userId) => "u:" + userId;

    public static string ForAnonymous(string anonymousId) => "a:" + anonymousId;
}
