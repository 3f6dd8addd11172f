using Lodestar.Gateway.Health;
using Lodestar.Gateway.Routing;

namespace Gateway.FunctionalTests.Units;

/// <summary>Routes come from the compiled protos: every service and every REST binding, mapped to route templates.</summary>
public sealed class ProtoRoutesTests
{
    private static readonly Backend[] All = [new("strategy"), new("backlog"), new("discovery"), new("metrics")];

    [Theory]
    [InlineData("/v1/products", "/v1/products")]
    [InlineData("/v1/{name=kpis/*}", "/v1/kpis/{p0}")]
    [InlineData("/v1/{name=products/*/experiments/*}:analyze", "/v1/products/{p0}/experiments/{p1}:analyze")]
    [InlineData("/v1/{parent=products/*}/events:track", "/v1/products/{p0}/events:track")]
    [InlineData("/v1/{name=files/**}", "/v1/files/{**p0}")]
    public void Http_templates_become_route_templates(string template, string route) => Assert.Equal(route, RestTemplate.ToRoute(template));

    [Fact]
    public void Every_service_and_every_rest_binding_of_every_area_has_a_route_to_its_backend()
    {
        var routes = ProtoRoutes.Routes(All, new RouteTimeouts());
        var services = ProtoRoutes.Services().Where(s => ProtoRoutes.AreaOf(s) != ProtoRoutes.GatewayArea).ToList();
        var bindings = services.SelectMany(s => s.Methods).SelectMany(ProtoRoutes.Bindings).ToList();
        var streaming = services.SelectMany(s => s.Methods).Where(ProtoRoutes.IsStreaming).ToList();

        Assert.Equal(["backlog", "discovery", "metrics", "strategy", "workspaces"], ProtoRoutes.Services().Select(ProtoRoutes.AreaOf).Distinct().Order());
        Assert.Equal(services.Count + streaming.Count + bindings.Count, routes.Count);
        Assert.Contains(routes, r => r.Match.Path == "/lodestar.metrics.v1.EventService/StreamEvents" && r.TimeoutPolicy == "Disable");
        Assert.All(routes.Where(r => r.TimeoutPolicy != "Disable"), r => Assert.Equal(ProtoRoutes.UnaryTimeoutPolicy, r.TimeoutPolicy));
        Assert.All(services, s => Assert.Contains(routes, r => r.Match.Path == $"/{s.FullName}/{{method}}" && r.ClusterId == $"{ProtoRoutes.AreaOf(s)}-grpc"));
        Assert.Contains(routes, r => r.Match.Path == "/v1/products/{p0}/events:track" && r.ClusterId == "metrics-http" && r.Match.Methods!.Single() == "POST");
        Assert.Equal(routes.Count, routes.Select(r => r.RouteId).Distinct().Count());
        var clusters = ProtoRoutes.Clusters(All, new DestinationHealthOptions());
        Assert.Equal(8, clusters.Count);
        Assert.All(clusters, c => Assert.True(c.HealthCheck!.Active!.Enabled == true && c.HealthCheck.Passive!.Enabled == true));
    }

    [Fact]
    public void Areas_without_a_backend_get_no_routes()
    {
        var timeouts = new RouteTimeouts();
        timeouts.Services["lodestar.metrics.v1.ExperimentService"] = TimeSpan.FromMinutes(2);
        var routes = ProtoRoutes.Routes([new Backend("metrics")], timeouts);

        Assert.All(routes, r => Assert.StartsWith("metrics-", r.ClusterId, StringComparison.Ordinal));
        Assert.NotEmpty(routes);
        Assert.Contains(routes, r => r.RouteId == "grpc lodestar.metrics.v1.ExperimentService" && r.TimeoutPolicy == "lodestar.metrics.v1.ExperimentService");
    }
}
