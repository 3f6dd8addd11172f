using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Charts.Tests.Infrastructure;

/// <summary>
/// What a cluster does to a rendered container's environment, done on one machine: ConfigMap and Secret values filled
/// in, the downward API and $(VAR) references resolved, and, since every process here shares loopback instead of
/// having a pod IP, each component's ports moved to free ones and the chart's Service names resolved to them.
/// </summary>
public sealed partial class ClusterStandIn(Manifests manifests, IReadOnlyDictionary<string, (int Http, int Grpc)> ports)
{
    public Dictionary<string, string> Environment(JsonObject container, string component)
    {
        var pod = PodEnvironment.Of(container, manifests);
        var environment = new Dictionary<string, string>(pod.Values)
        {
            ["POD_NAME"] = $"lodestar-{component}-0",
            ["POD_NAMESPACE"] = "lodestar",
        };
        foreach (var (name, (secret, key)) in pod.Secrets)
            environment[name] = Manifests.Map(manifests.Get("Secret", secret)["stringData"])[key];
        foreach (var name in environment.Keys.ToList())
            environment[name] = Reference().Replace(environment[name], m => environment.GetValueOrDefault(m.Groups[1].Value, m.Value));

        var containerPorts = Manifests.Items(container["ports"]).ToDictionary(p => Manifests.Text(p["name"]), p => Manifests.Text(p["containerPort"]));
        foreach (var endpoint in new[] { "http", "grpc" })
        {
            var url = $"Kestrel__Endpoints__{endpoint}__Url";
            if (!environment.TryGetValue(url, out var bound)) continue; // the migration jobs serve nothing
            Assert.Equal($"http://+:{containerPorts[endpoint]}", bound);
            environment[url] = $"http://127.0.0.1:{Port(component, endpoint)}";
        }
        foreach (var name in environment.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)).ToList())
        {
            var (callee, endpoint) = (name.Split("__")[1], name.Split("__")[2]);
            Assert.Equal($"lodestar-{callee}", new Uri(environment[name]).Host);
            environment[name] = $"http://127.0.0.1:{Port(callee, endpoint)}";
        }
        return environment;
    }

    private int Port(string component, string endpoint) => endpoint == "http" ? ports[component].Http : ports[component].Grpc;

    [GeneratedRegex(@"\$\((\w+)\)")]
    private static partial Regex Reference();
}
