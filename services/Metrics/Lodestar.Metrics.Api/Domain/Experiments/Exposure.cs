namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>A user's first exposure to a running experiment, with the variant they got.</summary>
public sealed class Exposure
{
    public Guid ExperimentId { get; set; }

    public Guid WorkspaceId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary><c>u:</c> + user id or <c>a:</c> + anonymous id, as events are keyed.</summary>
    public string DistinctId { get; set; } = "";

    public string Variant { get; set; } = "";

    public DateTime ExposedAt { get; set; }
}
