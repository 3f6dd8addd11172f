namespace Lodestar.Messaging.Outbox;

/// <summary>Bound from "Messaging:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Messaging:Outbox";

    /// <summary>Rows relayed per round; published concurrently, each awaiting its broker confirm.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for rows when no commit signalled it (other replicas, restarts).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deadline for one publish, confirm included.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Backoff cap between attempts of a failing row.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Dispatched rows older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3);
}
