using Lodestar.Api;
using BacklogV1 = Lodestar.Backlog.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>
/// The demo's backlog: items scored with RICE (evidence-based where they solve a problem), three finished sprints with
/// shipped work, and an active sprint.
/// </summary>
internal static class DemoBacklog
{
    private static readonly (string Title, BacklogV1.ItemType Type, double Points, int Problem, double Reach, double Impact, double Confidence, double Effort, string Label)[] Catalogue =
    [
        ("Report templates for the weekly review", BacklogV1.ItemType.Feature, 8, 0, 300, 2, 80, 2, "reports"),
        ("Scheduled report delivery", BacklogV1.ItemType.Feature, 5, 0, 250, 2, 70, 1.5, "reports"),
        ("Shared metric definitions", BacklogV1.ItemType.Feature, 13, 1, 200, 2, 60, 3, "data"),
        ("Mobile summary view", BacklogV1.ItemType.Feature, 8, 2, 150, 1, 60, 2, "mobile"),
        ("Below-plan alerts per store", BacklogV1.ItemType.Feature, 8, 3, 180, 2, 50, 2, "alerts"),
        ("View-only sharing links", BacklogV1.ItemType.Feature, 5, 4, 220, 1, 80, 1, "sharing"),
        ("Self-service staffing connector", BacklogV1.ItemType.Feature, 13, 5, 90, 2, 50, 4, "connectors"),
        ("Onboarding checklist", BacklogV1.ItemType.Feature, 3, 0, 400, 1, 80, 0.5, "onboarding"),
        ("Weekly outlier digest e-mail", BacklogV1.ItemType.Feature, 5, 3, 160, 1, 70, 1, "alerts"),
        ("Comments on report sections", BacklogV1.ItemType.Feature, 8, 4, 140, 1, 60, 2, "sharing"),
        ("CSV upload as a data source", BacklogV1.ItemType.Feature, 5, 5, 120, 1, 80, 1, "connectors"),
        ("Margin reconciliation view", BacklogV1.ItemType.Feature, 8, 1, 100, 2, 50, 2, "data"),
        ("Stock export fails on large stores", BacklogV1.ItemType.Bug, 3, 0, 80, 2, 100, 0.5, "reports"),
        ("Currency mismatch in regional totals", BacklogV1.ItemType.Bug, 2, 1, 60, 3, 100, 0.5, "data"),
        ("Tables overflow on small screens", BacklogV1.ItemType.Bug, 2, 2, 120, 1, 100, 0.5, "mobile"),
        ("Upgrade the charting library", BacklogV1.ItemType.TechDebt, 5, -1, 0, 0.5, 100, 1, "platform"),
        ("Split the report renderer into workers", BacklogV1.ItemType.TechDebt, 8, -1, 0, 1, 80, 2, "platform"),
        ("Single sign-on (SAML)", BacklogV1.ItemType.Feature, 13, -1, 60, 2, 70, 3, "enterprise"),
        ("Audit log export", BacklogV1.ItemType.Feature, 5, -1, 40, 1, 80, 1, "enterprise"),
        ("EU data residency", BacklogV1.ItemType.Feature, 21, -1, 50, 2, 50, 6, "enterprise"),
        ("Dark mode", BacklogV1.ItemType.Feature, 3, -1, 300, 0.25, 80, 0.5, "ui"),
        ("Keyboard shortcuts for report editing", BacklogV1.ItemType.Feature, 2, -1, 80, 0.5, 80, 0.5, "ui"),
        ("Saved filters per user", BacklogV1.ItemType.Feature, 3, -1, 150, 0.5, 70, 0.5, "reports"),
        ("Footfall data import", BacklogV1.ItemType.Feature, 8, 5, 70, 1, 40, 2, "connectors"),
        ("Report version history", BacklogV1.ItemType.Feature, 5, 1, 90, 1, 60, 1, "reports"),
        ("Slow dashboard load over 50 stores", BacklogV1.ItemType.Bug, 3, -1, 200, 1, 90, 1, "performance"),
    ];

    /// <summary>Indexes of the catalogue planned into the finished sprints (one list per sprint) and the active one.</summary>
    private static readonly int[][] SprintPlan = [[12, 13, 15], [7, 14, 21], [1, 5, 22], [0, 25, 10]];

    public static async Task<BacklogSeed> CreateAsync(LodestarClients api, StrategySeed strategy, DiscoverySeed discovery, Random random, CancellationToken cancellationToken)
    {
        await DemoWorkspace.WhenKnownAsync(() => api.Prioritization.UpdateBacklogSettingsAsync(new BacklogV1.UpdateBacklogSettingsRequest
        {
            BacklogSettings = new BacklogV1.BacklogSettings { Name = strategy.Product + "/backlogSettings", EvidenceBasedRice = true, UsersPerCustomer = 25 },
            UpdateMask = DemoWorkspace.Mask("evidence_based_rice", "users_per_customer"),
        }, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);

        var items = new List<BacklogV1.BacklogItem>();
        foreach (var entry in Catalogue)
        {
            var item = new BacklogV1.BacklogItem
            {
                Product = strategy.Product, Type = entry.Type, Title = entry.Title, EstimatePoints = entry.Points, Labels = { entry.Label },
                Status = random.NextDouble() < 0.5 ? BacklogV1.ItemStatus.Ready : BacklogV1.ItemStatus.Idea,
                Rice = new BacklogV1.RiceInputs { Reach = entry.Reach, Impact = entry.Impact, Confidence = entry.Confidence, Effort = entry.Effort },
            };
            if (entry.Problem >= 0) item.Problems.Add(discovery.Problems[entry.Problem].Name);
            if (entry.Problem is 0 or 1 or 2) item.Goals.Add(strategy.Goals[entry.Problem % strategy.Goals.Count].Name);
            items.Add(await api.Items.CreateBacklogItemAsync(new BacklogV1.CreateBacklogItemRequest { BacklogItem = item }, cancellationToken: cancellationToken));
        }

        var shipped = new List<BacklogV1.BacklogItem>();
        var today = DemoWorkspace.Today;
        for (var s = 0; s < SprintPlan.Length; s++)
        {
            var start = today.AddDays(-14 * (SprintPlan.Length - 1 - s) - 6);
            var sprint = await api.Sprints.CreateSprintAsync(new BacklogV1.CreateSprintRequest
            {
                Sprint = new BacklogV1.Sprint
                {
                    Product = strategy.Product, DisplayName = $"Sprint {21 + s}", Goal = Catalogue[SprintPlan[s][0]].Title,
                    StartDate = start.ToProto(), EndDate = start.AddDays(13).ToProto(), CapacityPoints = 16,
                },
            }, cancellationToken: cancellationToken);
            foreach (var index in SprintPlan[s])
            {
                items[index] = await MoveAsync(api, items[index], BacklogV1.ItemStatus.Ready, cancellationToken);
                await api.Sprints.AddSprintItemAsync(new BacklogV1.AddSprintItemRequest { Name = sprint.Name, BacklogItem = items[index].Name }, cancellationToken: cancellationToken);
            }
            await api.Sprints.StartSprintAsync(new BacklogV1.StartSprintRequest { Name = sprint.Name }, cancellationToken: cancellationToken);
            var active = s == SprintPlan.Length - 1;
            // Finished sprints ship their first two items and leave the third done (or rolled over); the active one has work in progress.
            for (var k = 0; k < SprintPlan[s].Length; k++)
            {
                var index = SprintPlan[s][k];
                var target = active ? (k == 0 ? BacklogV1.ItemStatus.InProgress : BacklogV1.ItemStatus.Ready)
                    : k < 2 ? BacklogV1.ItemStatus.Shipped : s == 1 ? BacklogV1.ItemStatus.InProgress : BacklogV1.ItemStatus.Done;
                items[index] = await MoveAsync(api, items[index], target, cancellationToken);
                if (target == BacklogV1.ItemStatus.Shipped) shipped.Add(items[index]);
            }
            if (!active) await api.Sprints.CompleteSprintAsync(new BacklogV1.CompleteSprintRequest { Name = sprint.Name }, cancellationToken: cancellationToken);
        }
        return new BacklogSeed(items, shipped, SprintPlan.Length);
    }

    /// <summary>Walks the item along the delivery statuses up to <paramref name="target"/>.</summary>
    private static async Task<BacklogV1.BacklogItem> MoveAsync(LodestarClients api, BacklogV1.BacklogItem item, BacklogV1.ItemStatus target, CancellationToken cancellationToken)
    {
        BacklogV1.ItemStatus[] path = [BacklogV1.ItemStatus.Ready, BacklogV1.ItemStatus.InProgress, BacklogV1.ItemStatus.Done, BacklogV1.ItemStatus.Shipped];
        foreach (var status in path.Where(p => p > item.Status && p <= target))
        {
            item = await api.Items.UpdateBacklogItemAsync(new BacklogV1.UpdateBacklogItemRequest
            {
                BacklogItem = new BacklogV1.BacklogItem { Name = item.Name, Status = status },
                UpdateMask = DemoWorkspace.Mask("status"),
            }, cancellationToken: cancellationToken);
        }
        return item;
    }
}
