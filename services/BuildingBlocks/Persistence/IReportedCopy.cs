namespace Lodestar.Persistence;

/// <summary>A local copy of another service's record, kept from its integration events (id = the other service's id).</summary>
public interface IReportedCopy
{
    /// <summary>When the other service reported the state held; an older report never overwrites a newer one.</summary>
    DateTime ReportedAt { get; set; }
}
