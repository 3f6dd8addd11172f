using System.Globalization;
using System.Text;
using Lodestar.Benchmarking;

namespace Lodestar.EventBus.Benchmarks;

/// <summary>The event-bus section of docs/benchmarks.md.</summary>
public sealed class EventBusReport(EventBusOptions options, IReadOnlyList<DeliveryRound> outbox, IReadOnlyList<DeliveryRound> plain)
{
    private const double Aim = 0.5;

    private double Ratio => Statistics.Median([.. outbox.Zip(plain, (o, p) => o.EventsPerSecond / p.EventsPerSecond)]);

    public string Section()
    {
        var text = new StringBuilder();
        text.AppendLine("## Event bus: integration events end to end");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()} `dotnet run -c Release --project tests/EventBus.Benchmarks` (options: `--events`, `--concurrency`, `--rounds`).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{options.Concurrency} writers commit {options.Events:N0} changes per round (a note row in PostgreSQL, each raising `NoteCreated`); a consumer stores one effect row per event in the same database. Lodestar's path commits the event with the change in the outbox, the relay publishes it with a broker confirm, and an `IdempotentConsumer` stores the effect and its inbox row in one transaction. The baseline commits the change, then publishes the same message straight to RabbitMQ (confirmed too: a dual write that can lose it), and a plain MassTransit handler stores the effect, with the same prefetch (32) and retries, no inbox. Same broker (a virtual host each), same PostgreSQL server, same process; {options.Rounds} alternating rounds after a warm-up. Events/s run from the first commit to the last effect stored; delivery latency is each effect's time minus its change's time. Aim: at least half the baseline's rate.");
        text.AppendLine();
        text.AppendLine("| path | events/s (median [min–max]) | delivery p50 | delivery p99 | every event exactly once |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (name, rounds) in new[] { ("outbox → RabbitMQ → inbox", outbox), ("plain MassTransit (baseline)", plain) })
        {
            var rates = rounds.Select(r => r.EventsPerSecond).ToList();
            var latencies = rounds.SelectMany(r => r.DeliveryLatenciesMs).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Statistics.Median(rates):N0} [{rates.Min():N0}–{rates.Max():N0}] | {Statistics.Percentile(latencies, 0.5):N1} ms | {Statistics.Percentile(latencies, 0.99):N1} ms | {(rounds.All(r => r.ExactlyOnce) ? "yes" : "**no**")} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ratio (median of per-round outbox ÷ plain): **{Ratio:0.00}**.");
        return text.ToString();
    }

    public IEnumerable<SummaryRow> Summary()
    {
        var (rates, baseline) = (outbox.Select(r => r.EventsPerSecond).ToList(), plain.Select(r => r.EventsPerSecond).ToList());
        yield return new SummaryRow("Event bus: events/s, outbox → RabbitMQ → inbox", $"{Statistics.Median(rates):N0}/s", $"{rates.Min():N0}–{rates.Max():N0}",
            $"{Statistics.Median(baseline):N0}/s plain MassTransit", SummaryRow.Ratio2(Ratio), "≥ 0.50", Ratio >= Aim);
    }

}
