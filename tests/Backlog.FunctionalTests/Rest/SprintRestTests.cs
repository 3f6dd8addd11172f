using System.Net;
using Backlog.FunctionalTests.Infrastructure;
using Lodestar.Persistence;

namespace Backlog.FunctionalTests.Rest;

/// <summary>Sprints and CSV import over REST.</summary>
public sealed class SprintRestTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Every_sprint_and_transfer_rpc_answers_over_rest(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        using var http = hosts.Rest(provider, workspace);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        object Date(DateOnly d) => new { year = d.Year, month = d.Month, day = d.Day };

        var imported = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/backlogItems:importJira", new
        {
            csvContent = "Summary,Issue key,Issue Type,Status,Story Points\nExport to PDF,ATL-7,Story,Ready,3\nFix login,ATL-8,Bug,To Do,2\n",
        });
        Assert.Equal(2, imported.GetProperty("importedCount").GetInt32());
        var first = imported.GetProperty("backlogItems")[0].GetString()!;

        var sprint = await http.CallAsync(HttpMethod.Post, "/v1/sprints", new
        {
            product, displayName = "Sprint 1", startDate = Date(today), endDate = Date(today.AddDays(9)), capacityPoints = 4,
        });
        var name = sprint.Str("name");
        Assert.Equal("SPRINT_STATE_PLANNED", sprint.Str("state"));
        var plan = await http.CallAsync(HttpMethod.Post, $"/v1/{name}:plan", new { });
        Assert.Equal(["Export to PDF"], plan.GetProperty("added").EnumerateArray().Select(a => a.Str("title")));
        Assert.Equal("SKIP_REASON_OVER_CAPACITY", plan.GetProperty("skipped")[0].Str("reason"));
        await http.CallAsync(HttpMethod.Post, $"/v1/{name}:removeItem", new { backlogItem = first });
        var added = await http.CallAsync(HttpMethod.Post, $"/v1/{name}:addItem", new { backlogItem = first });
        Assert.Equal([first], added.GetProperty("backlogItems").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("SPRINT_STATE_ACTIVE", (await http.CallAsync(HttpMethod.Post, $"/v1/{name}:start", new { })).Str("state"));
        var burndown = await http.CallAsync(HttpMethod.Get, $"/v1/{name}/burndown");
        Assert.Equal(10, burndown.GetProperty("days").GetArrayLength());
        var patched = await http.CallAsync(HttpMethod.Patch, $"/v1/{name}?updateMask=goal", new { goal = "Ship exports" });
        Assert.Equal("Ship exports", patched.Str("goal"));
        var listed = await http.CallAsync(HttpMethod.Get, $"/v1/sprints?product={product}&states=SPRINT_STATE_ACTIVE");
        Assert.Equal(name, listed.GetProperty("sprints")[0].Str("name"));
        var completed = await http.CallAsync(HttpMethod.Post, $"/v1/{name}:complete", new { });
        Assert.Equal(("SPRINT_STATE_COMPLETED", 0d), (completed.Str("state"), completed.GetProperty("completedPoints").GetDouble()));
        Assert.Equal(name, (await http.CallAsync(HttpMethod.Get, $"/v1/{name}")).Str("name"));

        var next = await http.CallAsync(HttpMethod.Post, "/v1/sprints", new
        {
            product, displayName = "Sprint 2", startDate = Date(today.AddDays(10)), endDate = Date(today.AddDays(19)),
        });
        await http.CallAsync(HttpMethod.Delete, $"/v1/{next.Str("name")}");
        using var gone = await http.GetAsync(new Uri($"/v1/{next.Str("name")}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var overlapping = await http.PostAsync(new Uri("/v1/sprints", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new
        {
            product, displayName = "Clash", startDate = Date(today.AddDays(5)), endDate = Date(today.AddDays(12)),
        }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("sprint.start_date", await overlapping.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
