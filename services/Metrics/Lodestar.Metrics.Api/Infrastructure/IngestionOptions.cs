namespace Lodestar.Metrics.Infrastructure;

/// <summary>Metrics:Ingestion: how far an event time may be from now.</summary>
public sealed class IngestionOptions
{
    /// <summary>How far ahead of the service's clock an event may be (senders' clocks drift).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How old an event may be (backfills of older history are refused as likely mistakes).</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(730);
}
