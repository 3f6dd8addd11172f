using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost.Dashboard;

/// <summary>
/// The app host's dashboard, a page in the spirit of Aspire's: every resource with its state, process id, endpoints,
/// health and restarts, a live tail of each service's console, links, and a development token to copy. JSON under
/// <c>/api/</c> feeds the page.
/// </summary>
public static class DashboardServer
{
    public static async Task<WebApplication> StartAsync(ResourceCatalog catalog, DashboardLinks links, Uri address, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddHostedService<HealthProbe>();
        var app = builder.Build();

        var page = ReadPage();
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", () => Results.Json(catalog.Views()));
        app.MapGet("/api/resources/{name}/logs", (string name, long? after) =>
            catalog.LogsOf(name) is { } logs ? Results.Json(logs.Since(after ?? 0)) : Results.NotFound());
        app.MapGet("/api/links", () => Results.Json(links));
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static string ReadPage()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Lodestar.AppHost.Dashboard.dashboard.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
