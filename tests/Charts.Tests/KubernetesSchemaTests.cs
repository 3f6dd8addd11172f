using Charts.Tests.Infrastructure;

namespace Charts.Tests;

/// <summary>Every rendered object is valid against the Kubernetes API's schemas (1.27, the lowest version supported).</summary>
public sealed class KubernetesSchemaTests
{
    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task Every_rendered_object_matches_the_kubernetes_api_schema(string valuesFile)
    {
        var rendered = (await Helm.TemplateAsync(valuesFile)).Succeeded().Output;

        var validation = await ToolRun.StartAsync("bash", ["scripts/kubernetes-validate"], rendered);

        Assert.True(validation.ExitCode == 0, validation.Output + validation.Error);
        Assert.Matches(@"^[1-9]\d* valid, 0 invalid", validation.Output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task The_validation_rejects_a_malformed_object()
    {
        var rendered = (await Helm.TemplateAsync(ExampleValues.Laptop)).Succeeded().Output;

        var validation = await ToolRun.StartAsync("bash", ["scripts/kubernetes-validate"], rendered.Replace("containerPort: 8080", "containerPort: \"eighty\"", StringComparison.Ordinal));

        Assert.NotEqual(0, validation.ExitCode);
        Assert.Contains("containerPort must be integer", validation.Output, StringComparison.Ordinal);
    }
}
