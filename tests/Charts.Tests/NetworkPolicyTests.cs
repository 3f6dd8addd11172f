using Charts.Tests.Infrastructure;
using static Charts.Tests.Infrastructure.Manifests;

namespace Charts.Tests;

/// <summary>NetworkPolicies let exactly the calls the components make, and nothing else reaches a service.</summary>
public sealed class NetworkPolicyTests
{
    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task Each_service_admits_exactly_its_callers_on_its_endpoints(string valuesFile)
    {
        var manifests = await Helm.RenderAsync(valuesFile);
        var deployments = manifests.OfKind("Deployment").ToList();
        var allowed = new HashSet<string>();
        foreach (var component in Component.All.Where(c => c.Name != "gateway"))
        {
            var policy = manifests.Get("NetworkPolicy", component.Resource);
            Assert.Equal(["Ingress"], policy["spec"]!["policyTypes"]!.AsArray().Select(Text));
            foreach (var rule in Items(policy["spec"]!["ingress"]))
            {
                var peers = Items(rule["from"]).ToList();
                Assert.NotEmpty(peers); // a rule without "from" would admit anyone
                Assert.All(peers, peer => Assert.Null(peer["namespaceSelector"] ?? peer["ipBlock"]));
                var callers = deployments.Where(d => peers.Any(p => Selects(Map(p["podSelector"]!["matchLabels"]), PodLabels(d)))).ToList();
                foreach (var caller in callers)
                foreach (var port in Items(rule["ports"]))
                    allowed.Add($"{Name(caller)}->{component.Resource}:{Text(port["port"])}");
            }
        }

        var expected = Component.All.SelectMany(caller => caller.Calls.SelectMany(callee =>
            new[] { "http", "grpc" }.Select(endpoint => $"{caller.Resource}->lodestar-{callee}:{endpoint}"))).ToHashSet();
        Assert.Equal(expected.Order(), allowed.Order());
    }

    [Fact]
    public async Task The_gateway_admits_only_the_ingress_controller_in_production()
    {
        var manifests = await Helm.RenderAsync(ExampleValues.Production);
        var rule = Items(manifests.Get("NetworkPolicy", "lodestar-gateway")["spec"]!["ingress"]).Single();

        Assert.Equal("ingress-nginx", Map(Items(rule["from"]).Single()["namespaceSelector"]!["matchLabels"])["kubernetes.io/metadata.name"]);
        Assert.Equal(["grpc", "http"], Items(rule["ports"]).Select(p => Text(p["port"])).Order());
    }

    [Fact]
    public void The_services_call_no_other_service_over_grpc_so_only_the_gateway_calls_them()
    {
        // Component.All says only the gateway calls services; a service that starts calling another (through
        // AddServiceGrpcClient) needs that call in the chart's component table and in Component.All.
        foreach (var component in Component.All.Where(c => c.Calls.Count == 0))
        {
            var sources = Directory.EnumerateFiles(Repository.File(component.Project), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
            Assert.DoesNotContain(sources, f => File.ReadAllText(f).Contains("AddServiceGrpcClient<", StringComparison.Ordinal));
        }
    }
}
