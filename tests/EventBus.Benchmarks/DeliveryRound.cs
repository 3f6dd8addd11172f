namespace Lodestar.EventBus.Benchmarks;

/// <summary>
/// One round of one path: events per second from the first commit to the last effect stored, each event's delivery
/// latency (its effect's time minus its change's time) and whether every event took effect exactly once.
/// </summary>
public sealed record DeliveryRound(double EventsPerSecond, IReadOnlyList<double> DeliveryLatenciesMs, bool ExactlyOnce);
