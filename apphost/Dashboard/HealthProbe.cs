using Microsoft.Extensions.Hosting;

namespace Lodestar.AppHost.Dashboard;

/// <summary>Reads each service's <c>/health</c> every few seconds for the dashboard.</summary>
public sealed class HealthProbe(ResourceCatalog catalog) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                foreach (var (name, url) in catalog.HealthUrls)
                    catalog.SetHealth(name, await ReadAsync(http, url, stoppingToken));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The dashboard stops (or is disposed without stopping, which cancels the timer itself).
        }
    }

    private static async Task<string> ReadAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Length is > 0 and < 20 ? body : response.IsSuccessStatusCode ? "Healthy" : "Unhealthy";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return "Unreachable";
        }
    }
}
