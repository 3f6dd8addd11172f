namespace Lodestar.Messaging;

/// <summary>Bound from "Messaging".</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Immediate redeliveries before a message goes to the endpoint's _error queue (no delayed-exchange plugin here).</summary>
    public int ImmediateRetries { get; set; } = 3;

    /// <summary>Messages each endpoint processes concurrently.</summary>
    public int PrefetchCount { get; set; } = 32;
}
