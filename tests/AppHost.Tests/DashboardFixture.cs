using Lodestar.AppHost.Dashboard;
using Lodestar.AppHost.Orchestration;
using Lodestar.LocalInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppHost.Tests;

/// <summary>
/// A dashboard over a real supervised process (a shell loop that logs, then exits and is restarted) whose "http"
/// endpoint is a real HTTP server answering /health, as a service's would.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Token = "development-token-for-the-dashboard-test";

    public Uri Address { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public Guid Workspace { get; } = Guid.NewGuid();

    private WebApplication? _health;
    private WebApplication? _dashboard;
    private SupervisedProcess? _worker;

    public async ValueTask InitializeAsync()
    {
        var healthAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var health = WebApplication.CreateSlimBuilder();
        health.WebHost.UseUrls(healthAddress.ToString());
        health.Logging.SetMinimumLevel(LogLevel.Warning);
        _health = health.Build();
        _health.MapGet("/health", () => Results.Text("Healthy"));
        await _health.StartAsync();

        _worker = new SupervisedProcess(
            new ProcessSpec("worker", "/bin/sh", ["-c", "for i in 1 2 3; do echo tick $i; sleep 0.3; done; echo failing >&2; exit 4"], new Dictionary<string, string>(), null)
            {
                FirstRestartDelay = TimeSpan.FromMilliseconds(200),
                StopGrace = TimeSpan.FromSeconds(2),
            },
            NullLogger.Instance);
        var catalog = new ResourceCatalog();
        catalog.AddService(_worker, new Dictionary<string, Uri> { ["http"] = healthAddress, ["grpc"] = new Uri("http://127.0.0.1:1/") });
        await _worker.StartAsync(CancellationToken.None);
        _dashboard = await DashboardServer.StartAsync(catalog,
            new DashboardLinks(new Uri("http://127.0.0.1:5100/"), new Uri("http://127.0.0.1:5100/docs/"), Workspace, Token), Address, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dashboard is not null)
        {
            await _dashboard.StopAsync();
            await _dashboard.DisposeAsync();
        }
        if (_worker is not null) await _worker.DisposeAsync();
        if (_health is not null)
        {
            await _health.StopAsync();
            await _health.DisposeAsync();
        }
    }
}
