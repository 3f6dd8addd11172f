using System.Net;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace AppHost.Tests;

/// <summary>The dashboard's JSON and the page itself, driven in Debian's headless Chromium.</summary>
public sealed class DashboardTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_lists_resources_with_state_health_restarts_and_logs()
    {
        using var http = new HttpClient { BaseAddress = dashboard.Address };

        var worker = await Eventually.GetAsync(async () =>
                JsonDocument.Parse(await http.GetStringAsync(new Uri("api/resources", UriKind.Relative), Cancel)).RootElement[0].Clone(),
            w => w.GetProperty("restarts").GetInt32() >= 1 && w.GetProperty("health").GetString() == "Healthy");
        var logs = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/resources/worker/logs?after=0", UriKind.Relative), Cancel)).RootElement;
        var later = JsonDocument.Parse(await http.GetStringAsync(new Uri($"api/resources/worker/logs?after={logs[logs.GetArrayLength() - 1].GetProperty("sequence").GetInt64()}", UriKind.Relative), Cancel)).RootElement;
        using var unknown = await http.GetAsync(new Uri("api/resources/nothing/logs", UriKind.Relative), Cancel);

        Assert.Equal("worker", worker.GetProperty("name").GetString());
        Assert.Equal("service", worker.GetProperty("kind").GetString());
        Assert.StartsWith("exit code 4", worker.GetProperty("lastExit").GetString(), StringComparison.Ordinal);
        Assert.Contains(logs.EnumerateArray(), l => l.GetProperty("text").GetString() == "tick 1");
        Assert.Contains(logs.EnumerateArray(), l => l.GetProperty("text").GetString() == "failing" && l.GetProperty("isError").GetBoolean());
        Assert.All(later.EnumerateArray(), l => Assert.True(l.GetProperty("sequence").GetInt64() > logs[logs.GetArrayLength() - 1].GetProperty("sequence").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_page_shows_resources_a_live_console_and_the_development_token_in_chromium()
    {
        using var browser = Chromium();
        await browser.Navigate().GoToUrlAsync(dashboard.Address.ToString());

        var row = await Eventually.GetAsync(() => Task.FromResult(browser.FindElements(By.CssSelector("#resources tr[data-name='worker']"))), rows => rows.Count == 1);
        await Eventually.GetAsync(() => Task.FromResult(browser.FindElement(By.Id("logs")).Text), text => text.Contains("tick 1", StringComparison.Ordinal) && text.Contains("failing", StringComparison.Ordinal));
        await Eventually.GetAsync(() => Task.FromResult(browser.FindElement(By.CssSelector("#resources tr[data-name='worker'] td.health")).Text), text => text == "Healthy");
        await Eventually.GetAsync(() => Task.FromResult(browser.FindElement(By.CssSelector("#resources tr[data-name='worker'] td.restarts")).Text), text => int.TryParse(text, out var n) && n >= 1);
        browser.FindElement(By.CssSelector("a.resource")).Click();

        Assert.Equal(DashboardFixture.Token, browser.FindElement(By.Id("token")).Text);
        Assert.Equal(dashboard.Workspace.ToString(), browser.FindElement(By.Id("workspace")).Text);
        Assert.Equal("http://127.0.0.1:5100/docs/", browser.FindElement(By.Id("docs-link")).GetAttribute("href"));
        Assert.Contains("Console · worker", browser.FindElement(By.Id("logs-title")).Text, StringComparison.Ordinal);
        Assert.Single(row);
    }

    /// <summary>Debian's Chromium and ChromeDriver, headless, without the background traffic a closed network refuses.</summary>
    private static ChromeDriver Chromium()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={Directory.CreateTempSubdirectory("lodestar-chromium-").FullName}");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
