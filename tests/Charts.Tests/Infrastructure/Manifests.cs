using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Charts.Tests.Infrastructure;

/// <summary>
/// The rendered chart as JSON documents (YAML read untyped, so every scalar is a string), with lookups by kind and name.
/// </summary>
public sealed class Manifests(IReadOnlyList<JsonObject> documents)
{
    public IReadOnlyList<JsonObject> All => documents;

    public static Manifests Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object?>(parser);
            if (document is not null) documents.Add(JsonNode.Parse(json.Serialize(document))!.AsObject());
        }
        return new Manifests(documents);
    }

    public IEnumerable<JsonObject> OfKind(string kind) => documents.Where(d => Text(d["kind"]) == kind);

    public JsonObject Get(string kind, string name) =>
        OfKind(kind).SingleOrDefault(d => Name(d) == name) ?? throw new Xunit.Sdk.XunitException($"No {kind} named {name} was rendered.");

    public JsonObject? Find(string kind, string name) => OfKind(kind).SingleOrDefault(d => Name(d) == name);

    public static string Name(JsonNode document) => Text(document["metadata"]?["name"]);

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    /// <summary>The map at <paramref name="node"/> as string pairs (labels, selectors, ConfigMap data).</summary>
    public static Dictionary<string, string> Map(JsonNode? node) =>
        node?.AsObject().ToDictionary(p => p.Key, p => Text(p.Value)) ?? [];

    public static IEnumerable<JsonObject> Items(JsonNode? node) => node?.AsArray().Select(n => n!.AsObject()) ?? [];

    /// <summary>Whether every pair of <paramref name="selector"/> is among <paramref name="labels"/>.</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public static Dictionary<string, string> PodLabels(JsonObject workload) => Map(workload["spec"]?["template"]?["metadata"]?["labels"]);
}
