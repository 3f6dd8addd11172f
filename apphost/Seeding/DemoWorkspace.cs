using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using StrategyV1 = Lodestar.Strategy.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>
/// Fills a workspace with a realistic product through the public API only (the gateway), so every screen and figure a
/// newcomer opens has data: strategy, discovery evidence, a ranked backlog with sprint history, 90 days of usage, an
/// NPS survey and a running experiment. Deterministic (fixed random seed, stable event ids) and done once: a workspace
/// that already holds the demo product is left as it is.
/// </summary>
public static class DemoWorkspace
{
    public const string ProductName = "Northwind Reports";

    /// <summary>Seeds the workspace, or returns null when it already holds the demo product.</summary>
    public static async Task<DemoSummary?> SeedAsync(LodestarClients api, TextWriter log, CancellationToken cancellationToken)
    {
        var existing = await api.Products.ListProductsAsync(new StrategyV1.ListProductsRequest { PageSize = 1000 }, cancellationToken: cancellationToken);
        if (existing.Products.Any(p => p.DisplayName == ProductName)) return null;

        var random = new Random(20261124);
        var strategy = await DemoStrategy.CreateAsync(api, cancellationToken);
        log.WriteLine($"demo: {ProductName} with positioning, {strategy.Goals.Count} goals and {strategy.KpiCount} KPIs");
        var discovery = await DemoDiscovery.CreateAsync(api, strategy, random, cancellationToken);
        log.WriteLine($"demo: {discovery.Personas.Count} personas, {discovery.InsightCount} insights on {discovery.Problems.Count} problems");
        var backlog = await DemoBacklog.CreateAsync(api, strategy, discovery, random, cancellationToken);
        log.WriteLine($"demo: {backlog.Items.Count} backlog items, {backlog.SprintCount} sprints, {backlog.Shipped.Count} shipped");
        await DemoStrategy.AddRoadmapAsync(api, strategy, backlog, cancellationToken);
        var hypotheses = await DemoDiscovery.AddHypothesesAsync(api, strategy, discovery, backlog, cancellationToken);
        var usage = await DemoUsage.CreateAsync(api, strategy, hypotheses[0].Name, random, cancellationToken);
        await DemoDiscovery.LinkExperimentAsync(api, hypotheses[0], usage.Experiment, cancellationToken);
        log.WriteLine($"demo: {usage.EventCount:N0} events of {usage.UserCount:N0} users over {DemoUsage.Days} days, {usage.SurveyResponses} NPS answers, "
            + $"{hypotheses.Count} hypotheses, one under a running experiment");
        return new DemoSummary(strategy.Product, discovery.InsightCount, backlog.Items.Count, usage.EventCount, usage.UserCount, hypotheses.Count);
    }

    /// <summary>
    /// The call's answer once the service knows what it names: services learn products and goals from strategy's
    /// events a moment after they are created, so NOT_FOUND is retried for a while (it changes nothing).
    /// </summary>
    public static async Task<T> WhenKnownAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    internal static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    internal static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };
}
