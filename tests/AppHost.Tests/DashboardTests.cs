using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;

namespace AppHost.Tests;

/// <summary>The real Aspire dashboard of a running app host, in headless Chromium, as a developer uses it.</summary>
public sealed class DashboardTests(RunningAppHostFixture fixture) : IClassFixture<RunningAppHostFixture>
{
    /// <summary>The servers, the four services and the gateway: what a developer expects to see running.</summary>
    public static readonly string[] Resources = ["rabbitmq", "redis", "postgres", "strategy", "backlog", "discovery", "metrics", "gateway"];

    private static readonly string[] KnownStates = ["Running", "Starting", "Waiting", "Exited", "Finished", "Failed", "Not started", "Stopping", "Unknown"];

    private static readonly string Screenshots = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/images"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_developer_logs_in_sees_every_resource_running_and_healthy_and_finds_a_rest_call_traced_across_gateway_and_service()
    {
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        await page.GotoAsync(fixture.AppHost.DashboardLogin.ToString());

        var states = await Eventually.GetAsync(() => ResourceStatesAsync(page), s => Resources.All(r => s.GetValueOrDefault(r) == "Running"), seconds: 90);
        Assert.All(Resources, r => Assert.Equal("Running", states[r]));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard-resources.png") });

        using var http = new HttpClient { BaseAddress = fixture.AppHost.GatewayRest };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AppHost.Token);
        http.DefaultRequestHeaders.Add("x-workspace-id", fixture.AppHost.Workspace.ToString());
        using var created = await http.PostAsync(new Uri("/v1/products", UriKind.Relative),
            new StringContent("""{"displayName": "Traced product"}""", Encoding.UTF8, "application/json"), Cancel);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Cancel));

        await page.GotoAsync(new Uri(fixture.AppHost.DashboardLogin, "/traces").ToString());
        // One trace holds the gateway's span and the strategy service's, under one trace id.
        var row = await Eventually.GetAsync(() => TraceRowAsync(page, "POST /v1/products", "gateway", "strategy"), r => r is not null, seconds: 60);
        Assert.Contains("strategy", row!, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard-traces.png") });
    }

    /// <summary>Each resource's name and the state the resources grid shows for it ("Running", "Running (Unhealthy)"…).</summary>
    private static async Task<Dictionary<string, string>> ResourceStatesAsync(IPage page)
    {
        var rows = await GridRowsAsync(page);
        var states = new Dictionary<string, string>();
        foreach (var cells in rows)
        {
            var name = cells.FirstOrDefault(c => Resources.Contains(c));
            // The state cell's first line is the state ("Running", or "Running (Unhealthy)"); a badge of unread error logs may follow.
            var state = cells.Select(c => c.Split('\n')[0].Trim()).FirstOrDefault(c => KnownStates.Any(known => c.StartsWith(known, StringComparison.Ordinal)));
            if (name is not null && state is not null) states[name] = state;
        }
        return states;
    }

    /// <summary>The trace list's row for a trace that spans both <paramref name="resources"/>, if one is listed yet.</summary>
    private static async Task<string?> TraceRowAsync(IPage page, params string[] resources) =>
        (await GridRowsAsync(page)).Select(cells => string.Join(" | ", cells))
            .FirstOrDefault(row => resources.All(r => row.Contains(r, StringComparison.Ordinal)));

    /// <summary>Every row of the page's data grid, as the text of each cell.</summary>
    private static async Task<List<string[]>> GridRowsAsync(IPage page) =>
        [.. await page.EvaluateAsync<string[][]>("""
            () => Array.from(document.querySelectorAll('[role="row"]'))
                .map(row => Array.from(row.querySelectorAll('[role="gridcell"]')).map(cell => cell.innerText.trim()))
            """)];
}
