namespace Lodestar.Discovery.Infrastructure;

/// <summary>Discovery:Evidence: how often the daily decay refresh looks for problems not yet computed as of today.</summary>
public sealed class EvidenceDecayOptions
{
    public const string SectionName = "Discovery:Evidence";

    /// <summary>How often to look; a new UTC day is taken up within this long of midnight.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Problems recomputed per transaction.</summary>
    public int BatchSize { get; set; } = 200;
}
