using System.Text.Json.Nodes;

namespace Charts.Tests.Infrastructure;

/// <summary>A container's environment as the kubelet assembles it: envFrom ConfigMaps, then env entries.</summary>
public sealed class PodEnvironment
{
    private PodEnvironment(Dictionary<string, string> values, Dictionary<string, (string Secret, string Key)> secrets)
    {
        Values = values;
        Secrets = secrets;
    }

    /// <summary>Plain values by name.</summary>
    public Dictionary<string, string> Values { get; }

    /// <summary>Values from Secrets by name: which Secret and key.</summary>
    public Dictionary<string, (string Secret, string Key)> Secrets { get; }

    public IEnumerable<string> Names => Values.Keys.Concat(Secrets.Keys);

    public static PodEnvironment Of(JsonObject container, Manifests manifests)
    {
        var values = new Dictionary<string, string>();
        var secrets = new Dictionary<string, (string, string)>();
        foreach (var source in Manifests.Items(container["envFrom"]))
        {
            var name = Manifests.Text(source["configMapRef"]?["name"]);
            foreach (var (key, value) in Manifests.Map(manifests.Get("ConfigMap", name)["data"])) values[key] = value;
        }
        foreach (var entry in Manifests.Items(container["env"]))
        {
            var name = Manifests.Text(entry["name"]);
            if (entry["valueFrom"]?["secretKeyRef"] is { } secret)
                secrets[name] = (Manifests.Text(secret["name"]), Manifests.Text(secret["key"]));
            else if (entry["value"] is { } value)
                values[name] = Manifests.Text(value);
            else
                values[name] = "(from the downward API)";
        }
        return new PodEnvironment(values, secrets);
    }
}
