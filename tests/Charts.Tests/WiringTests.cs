using Charts.Tests.Infrastructure;
using static Charts.Tests.Infrastructure.Manifests;

namespace Charts.Tests;

/// <summary>The rendered objects point at each other correctly: addresses, selectors, targets.</summary>
public sealed class WiringTests
{
    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task Every_service_address_names_a_rendered_service_port_that_reaches_the_callee(string valuesFile)
    {
        var manifests = await Helm.RenderAsync(valuesFile);
        var addresses = manifests.OfKind("ConfigMap").SelectMany(c => Map(c["data"])).Where(p => p.Key.StartsWith("services__", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, addresses.Count); // the gateway's http and grpc address of each of the four services

        foreach (var (key, value) in addresses)
        {
            var (callee, endpoint) = (key.Split("__")[1], key.Split("__")[2]);
            var address = new Uri(value);
            var service = manifests.Get("Service", address.Host);
            var port = Items(service["spec"]!["ports"]).Single(p => Text(p["port"]) == address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(endpoint, Text(port["name"]));
            Assert.Equal(endpoint, Text(port["targetPort"]));
            var target = manifests.Get("Deployment", $"lodestar-{callee}");
            Assert.True(Selects(Map(service["spec"]!["selector"]), PodLabels(target)), $"{address.Host} does not select {callee}'s pods");
            var containerPorts = Items(target["spec"]!["template"]!["spec"]!["containers"]).Single()["ports"];
            Assert.Contains(Items(containerPorts), p => Text(p["name"]) == endpoint);
        }
    }

    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task Selectors_match_exactly_the_pods_they_are_meant_for(string valuesFile)
    {
        var manifests = await Helm.RenderAsync(valuesFile);
        var workloads = manifests.OfKind("Deployment").Concat(manifests.OfKind("StatefulSet")).ToList();
        foreach (var workload in workloads)
            Assert.True(Selects(Map(workload["spec"]!["selector"]!["matchLabels"]), PodLabels(workload)), $"{Name(workload)}'s selector misses its own pods");

        foreach (var service in manifests.OfKind("Service"))
        {
            var selected = workloads.Where(w => Selects(Map(service["spec"]!["selector"]), PodLabels(w))).Select(Name).ToList();
            Assert.Equal([Name(service)], selected);
        }
        foreach (var budget in manifests.OfKind("PodDisruptionBudget"))
            Assert.Equal([Name(budget)], workloads.Where(w => Selects(Map(budget["spec"]!["selector"]!["matchLabels"]), PodLabels(w))).Select(Name));
        foreach (var policy in manifests.OfKind("NetworkPolicy"))
            Assert.Equal([Name(policy)], workloads.Where(w => Selects(Map(policy["spec"]!["podSelector"]!["matchLabels"]), PodLabels(w))).Select(Name));
        foreach (var autoscaler in manifests.OfKind("HorizontalPodAutoscaler"))
            Assert.NotNull(manifests.Find("Deployment", Text(autoscaler["spec"]!["scaleTargetRef"]!["name"])));
    }

    [Fact]
    public async Task The_gateway_ingresses_carry_rest_to_http_and_grpc_to_grpc()
    {
        var manifests = await Helm.RenderAsync(ExampleValues.Production);
        var rest = manifests.Get("Ingress", "lodestar-gateway");
        var grpc = manifests.Get("Ingress", "lodestar-gateway-grpc");

        Assert.Equal(("lodestar-gateway", "http"), Backend(rest));
        Assert.Equal(("lodestar-gateway", "grpc"), Backend(grpc));
        Assert.Equal("GRPC", Map(grpc["metadata"]!["annotations"])["nginx.ingress.kubernetes.io/backend-protocol"]);
        Assert.False(Map(rest["metadata"]!["annotations"]).ContainsKey("nginx.ingress.kubernetes.io/backend-protocol"));
        Assert.NotEmpty(Items(grpc["spec"]!["tls"]));
        var grpcPort = Items(manifests.Get("Service", "lodestar-gateway")["spec"]!["ports"]).Single(p => Text(p["name"]) == "grpc");
        Assert.Equal("kubernetes.io/h2c", Text(grpcPort["appProtocol"]));
    }

    private static (string Service, string Port) Backend(System.Text.Json.Nodes.JsonObject ingress)
    {
        var backend = Items(ingress["spec"]!["rules"]).Single()["http"]!["paths"]![0]!["backend"]!["service"]!;
        return (Text(backend["name"]), Text(backend["port"]!["name"]));
    }
}
