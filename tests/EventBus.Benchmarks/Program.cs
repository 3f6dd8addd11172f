using BuildingBlocks.NotesService;
using Lodestar.Benchmarking;
using Lodestar.EventBus.Benchmarks;
using Lodestar.LocalInfrastructure;
using Lodestar.Persistence;
using Lodestar.Testing;
using Microsoft.Extensions.Logging.Abstractions;

// Integration events end to end (outbox → RabbitMQ → inbox consumer) against plain MassTransit publish/consume of
// the same messages, both storing the same effect in PostgreSQL, on one broker (a virtual host each), alternating
// rounds in one run; writes the event-bus section of docs/benchmarks.md.
var arguments = new Arguments(args);
var options = new EventBusOptions(arguments.Number("--events", 10_000), arguments.Number("--concurrency", 16), arguments.Number("--rounds", 5));
await using var infrastructure = await LocalServers.StartAsync(new LocalInfrastructureOptions { Redis = false }, NullLogger.Instance, CancellationToken.None);
var folder = Directory.CreateTempSubdirectory("lodestar-eventbus-bench-").FullName;
var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error", ["Logging:LogLevel:Lodestar"] = "Error",
    // Migrating a database that does not exist yet logs a failed connection first; the harness fails loudly on real errors.
    ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection"] = "Critical" };

Task<ServiceHost> NotesAsync(string name, string? eventBus) => ServiceHost.StartAsync("notes", Directory.CreateDirectory(Path.Combine(folder, name)).FullName,
    infrastructure.Postgres!.ConnectionStringFor($"notes_{name}"), eventBus, builder => builder.AddNotesService(), async app =>
    {
        app.MapNotesService();
        await app.MigrateDatabaseAsync<NotesDbContext>();
    }, quiet);

await using var outbox = new OutboxDeliveryPath(await NotesAsync("outbox", await infrastructure.RabbitMq!.CreateVirtualHostAsync("bench-outbox")));
await using var plain = await PlainDeliveryPath.StartAsync(await NotesAsync("plain", null), await infrastructure.RabbitMq.CreateVirtualHostAsync("bench-plain"));

var warmup = Math.Min(2_000, options.Events);
await outbox.RunAsync(warmup, options.Concurrency);
await plain.RunAsync(warmup, options.Concurrency);
var (outboxRounds, plainRounds) = (new List<DeliveryRound>(), new List<DeliveryRound>());
for (var round = 0; round < options.Rounds; round++)
{
    outboxRounds.Add(await outbox.RunAsync(options.Events, options.Concurrency));
    plainRounds.Add(await plain.RunAsync(options.Events, options.Concurrency));
    Console.WriteLine($"round {round + 1}: outbox {outboxRounds[^1].EventsPerSecond:N0}/s, plain {plainRounds[^1].EventsPerSecond:N0}/s");
}
var report = new EventBusReport(options, outboxRounds, plainRounds);
ReportFile.WriteSection(arguments.Text("--report", ReportFile.DefaultPath), "event-bus", report.Section(), report.Summary());
