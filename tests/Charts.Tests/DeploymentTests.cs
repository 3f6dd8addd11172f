using System.Text.Json.Nodes;
using Charts.Tests.Infrastructure;
using static Charts.Tests.Infrastructure.Manifests;

namespace Charts.Tests;

/// <summary>Every component's Deployment: ports, probes, resources, security context and the settings it reads.</summary>
public sealed class DeploymentTests
{
    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task Each_deployment_probes_its_http_port_and_limits_its_resources(string valuesFile)
    {
        var manifests = await Helm.RenderAsync(valuesFile);
        foreach (var component in Component.All)
        {
            var container = Container(manifests, component);
            var ports = Items(container["ports"]).ToDictionary(p => Text(p["name"]), p => Text(p["containerPort"]));
            Assert.Equal(["grpc", "http"], ports.Keys.Order());
            var environment = PodEnvironment.Of(container, manifests);
            Assert.EndsWith($":{ports["http"]}", environment.Values["Kestrel__Endpoints__http__Url"], StringComparison.Ordinal);
            Assert.EndsWith($":{ports["grpc"]}", environment.Values["Kestrel__Endpoints__grpc__Url"], StringComparison.Ordinal);

            Assert.Equal(("/alive", "http"), Probe(container, "livenessProbe"));
            Assert.Equal(("/alive", "http"), Probe(container, "startupProbe"));
            Assert.Equal(("/health", "http"), Probe(container, "readinessProbe"));

            foreach (var kind in new[] { "requests", "limits" })
            foreach (var resource in new[] { "cpu", "memory" })
                Assert.False(string.IsNullOrEmpty(Text(container["resources"]?[kind]?[resource])), $"{component.Name}: resources.{kind}.{resource}");
        }
    }

    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task Each_deployment_runs_unprivileged_on_a_read_only_root(string valuesFile)
    {
        var manifests = await Helm.RenderAsync(valuesFile);
        foreach (var component in Component.All)
        {
            var pod = manifests.Get("Deployment", component.Resource)["spec"]!["template"]!["spec"]!;
            var container = Container(manifests, component);
            Assert.Equal("true", Text(pod["securityContext"]?["runAsNonRoot"]));
            Assert.NotEqual("0", Text(pod["securityContext"]?["runAsUser"]));
            Assert.Equal("RuntimeDefault", Text(pod["securityContext"]?["seccompProfile"]?["type"]));
            Assert.Equal("false", Text(pod["automountServiceAccountToken"]));
            var security = container["securityContext"]!;
            Assert.Equal(("true", "false", "false"), (Text(security["readOnlyRootFilesystem"]), Text(security["allowPrivilegeEscalation"]), Text(security["privileged"])));
            Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(Text));
            // The one writable place .NET needs with a read-only root.
            Assert.Contains(Items(container["volumeMounts"]), m => Text(m["mountPath"]) == "/tmp");
            Assert.Equal(component.Resource, Text(pod["serviceAccountName"]));
            Assert.NotNull(manifests.Find("ServiceAccount", component.Resource));
        }
    }

    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task Each_deployment_gets_every_setting_its_component_reads_at_start_up(string valuesFile)
    {
        var manifests = await Helm.RenderAsync(valuesFile);
        var existing = ExampleValues.ExistingSecrets(valuesFile);
        foreach (var component in Component.All)
        {
            var environment = PodEnvironment.Of(Container(manifests, component), manifests);
            var missing = component.RequiredSettings().Except(environment.Names).ToList();
            Assert.True(missing.Count == 0, $"{component.Name} lacks {string.Join(", ", missing)}");
            Assert.Equal("Production", environment.Values["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal(component.Name, environment.Values["OTEL_SERVICE_NAME"]);
            if (component.Name == "gateway")
                Assert.True(environment.Names.Contains("Authentication__Users__Authority") || environment.Secrets.ContainsKey("Authentication__Users__SigningKey"));
            // Connection strings and keys are never plain values, and each names a Secret that exists with that key.
            Assert.DoesNotContain(environment.Values.Keys, name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || name.EndsWith("SigningKey", StringComparison.Ordinal));
            foreach (var (name, (secret, key)) in environment.Secrets)
            {
                if (existing.Contains(secret)) continue;
                var rendered = manifests.Get("Secret", secret);
                Assert.True(Map(rendered["stringData"]).TryGetValue(key, out var value) && value.Length > 0, $"{component.Name}: {name} from {secret}/{key}");
            }
        }
    }

    [Fact]
    public async Task Production_exports_telemetry_and_scales_with_disruption_budgets()
    {
        var manifests = await Helm.RenderAsync(ExampleValues.Production);
        foreach (var component in Component.All)
        {
            var environment = PodEnvironment.Of(Container(manifests, component), manifests);
            Assert.StartsWith("http", environment.Values["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);
            Assert.Contains("service.instance.id=$(POD_NAME)", environment.Values["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
            var autoscaler = manifests.Get("HorizontalPodAutoscaler", component.Resource);
            Assert.Equal(("Deployment", component.Resource), (Text(autoscaler["spec"]!["scaleTargetRef"]!["kind"]), Text(autoscaler["spec"]!["scaleTargetRef"]!["name"])));
            Assert.True(int.Parse(Text(autoscaler["spec"]!["minReplicas"]), System.Globalization.CultureInfo.InvariantCulture) >= 2);
            Assert.Null(manifests.Get("Deployment", component.Resource)["spec"]!["replicas"]); // the autoscaler owns it
            Assert.Equal("1", Text(manifests.Get("PodDisruptionBudget", component.Resource)["spec"]!["minAvailable"]));
        }
    }

    private static JsonObject Container(Manifests manifests, Component component) =>
        Items(manifests.Get("Deployment", component.Resource)["spec"]!["template"]!["spec"]!["containers"]).Single();

    private static (string Path, string Port) Probe(JsonObject container, string probe) =>
        (Text(container[probe]?["httpGet"]?["path"]), Text(container[probe]?["httpGet"]?["port"]));
}
