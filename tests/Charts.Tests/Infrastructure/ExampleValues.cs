using YamlDotNet.Serialization;

namespace Charts.Tests.Infrastructure;

/// <summary>The example values files the chart ships, as theory data, and what they set.</summary>
public static class ExampleValues
{
    public const string Production = "values-production.yaml";
    public const string Laptop = "values-laptop.yaml";

    public static TheoryData<string> Files => [Production, Laptop];

    /// <summary>The Secrets a values file expects to exist already (connectionStrings/auth existingSecret).</summary>
    public static IReadOnlySet<string> ExistingSecrets(string file)
    {
        var values = Read(file);
        return new[] { "connectionStrings", "auth" }
            .Select(section => values.GetValueOrDefault(section) as Dictionary<object, object?>)
            .Select(section => section?.GetValueOrDefault("existingSecret") as string)
            .OfType<string>().Where(s => s.Length > 0).ToHashSet();
    }

    /// <summary>A values file of the chart (values.yaml or an example), read untyped.</summary>
    public static Dictionary<string, object?> Read(string file) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(System.IO.File.ReadAllText(Path.Combine(Repository.Chart, file)));
}
