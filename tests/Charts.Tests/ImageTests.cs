using System.Text.Json;
using Charts.Tests.Infrastructure;

namespace Charts.Tests;

/// <summary>
/// The images (which cannot be built here: no Docker engine) agree with the chart: the SDK's container settings of each
/// deployable (ADR 0025) name the repository the chart pulls, the chiseled ASP.NET base image, a non-root user, and the
/// ports and Kestrel endpoints the chart probes.
/// </summary>
public sealed class ImageTests
{
    [Theory, MemberData(nameof(Components))]
    public async Task The_sdk_container_settings_match_what_the_chart_pulls_and_probes(string name)
    {
        var component = Component.All.Single(c => c.Name == name);
        var run = (await ToolRun.StartAsync("dotnet", ["msbuild", Repository.File(component.Project, $"{component.Assembly}.csproj"),
            "-getProperty:ContainerRepository", "-getProperty:ContainerUser", "-getProperty:ContainerBaseImage",
            "-getItem:ContainerPort", "-getItem:ContainerEnvironmentVariable"])).Succeeded();
        var values = ChartValues(name);
        var image = (Dictionary<object, object>)values["image"];
        var ports = (Dictionary<object, object>)values["containerPorts"];

        using var settings = JsonDocument.Parse(run.Output);
        var properties = settings.RootElement.GetProperty("Properties");
        var items = settings.RootElement.GetProperty("Items");
        string Property(string property) => properties.GetProperty(property).GetString()!;
        var environment = items.GetProperty("ContainerEnvironmentVariable").EnumerateArray()
            .ToDictionary(e => e.GetProperty("Identity").GetString()!, e => e.GetProperty("Value").GetString());

        Assert.Equal(image["repository"], Property("ContainerRepository"));
        Assert.Equal("1654", Property("ContainerUser"));
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:\S+-chiseled$", Property("ContainerBaseImage"));
        Assert.Equal([$"{ports["http"]}", $"{ports["grpc"]}"], items.GetProperty("ContainerPort").EnumerateArray().Select(p => p.GetProperty("Identity").GetString()).Order());
        Assert.Equal($"http://+:{ports["http"]}", environment["Kestrel__Endpoints__http__Url"]);
        Assert.Equal($"http://+:{ports["grpc"]}", environment["Kestrel__Endpoints__grpc__Url"]);
    }

    [Fact]
    public void No_dockerfile_is_left_to_drift_from_the_sdk_settings()
    {
        var deployables = new[] { "services", "gateway" }.SelectMany(folder => Directory.EnumerateFiles(Repository.File(folder), "*", SearchOption.AllDirectories));
        Assert.DoesNotContain(deployables.Append(Repository.File("Dockerfile")), file => Path.GetFileName(file) == "Dockerfile" && File.Exists(file));
    }

    public static TheoryData<string> Components => [.. Component.All.Select(c => c.Name)];

    private static Dictionary<object, object> ChartValues(string component) =>
        (Dictionary<object, object>)ExampleValues.Read("values.yaml")[component]!;
}
