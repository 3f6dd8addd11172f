using Microsoft.Playwright;

namespace AppHost.Tests;

/// <summary>Debian's Chromium driven by Playwright, headless, without the background traffic a closed network refuses.</summary>
public static class HeadlessChromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
