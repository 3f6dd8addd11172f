using System.Collections.Concurrent;
using Lodestar.AppHost.Orchestration;
using Lodestar.LocalInfrastructure;

namespace Lodestar.AppHost.Dashboard;

/// <summary>
/// Everything the app host runs, as the dashboard shows it: the infrastructure servers and the supervised services
/// with their endpoints, the health last read from each service's <c>/health</c>, and their console logs.
/// </summary>
public sealed class ResourceCatalog
{
    private readonly ConcurrentDictionary<string, Func<ResourceView>> _views = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SupervisedProcess> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _healthUrls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _health = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void AddServer(LocalServer server) =>
        Add(server.Name, () => new ResourceView(server.Name, "infrastructure", server.IsRunning ? "Running" : "Stopped", null,
            new Dictionary<string, string> { ["tcp"] = $"127.0.0.1:{server.Port}" }, server.IsRunning ? "Healthy" : "Unhealthy", 0, null));

    /// <param name="service">The supervised process.</param>
    /// <param name="endpoints">Its endpoints by name (http, grpc…); "http" is where its /health is read.</param>
    public void AddService(SupervisedProcess service, IReadOnlyDictionary<string, Uri> endpoints)
    {
        _services[service.Name] = service;
        if (endpoints.TryGetValue("http", out var http)) _healthUrls[service.Name] = new Uri(http, "/health");
        Add(service.Name, () => new ResourceView(service.Name, "service", service.State.ToString(), service.ProcessId,
            endpoints.ToDictionary(e => e.Key, e => e.Value.ToString()), _health.GetValueOrDefault(service.Name, "Unknown"),
            service.RestartCount, service.LastExit));
    }

    public IReadOnlyList<ResourceView> Views()
    {
        lock (_order) return [.. _order.Select(name => _views[name]())];
    }

    public LogBuffer? LogsOf(string name) => _services.TryGetValue(name, out var service) ? service.Logs : null;

    public IReadOnlyDictionary<string, Uri> HealthUrls => _healthUrls;

    public void SetHealth(string name, string health) => _health[name] = health;

    private void Add(string name, Func<ResourceView> view)
    {
        _views[name] = view;
        lock (_order)
        {
            if (!_order.Contains(name)) _order.Add(name);
        }
    }
}
