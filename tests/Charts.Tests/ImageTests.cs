using System.Text.RegularExpressions;
using Charts.Tests.Infrastructure;

namespace Charts.Tests;

/// <summary>
/// The images (which cannot be built here: no Docker engine) agree with the projects and the chart: each Dockerfile
/// publishes its project and runs its assembly as a non-root user on the ports the chart probes, and the SDK's
/// container settings name the repository the chart pulls.
/// </summary>
public sealed partial class ImageTests
{
    [Theory, MemberData(nameof(Components))]
    public void The_dockerfile_publishes_the_project_and_runs_it_unprivileged_on_the_charts_ports(string name)
    {
        var component = Component.All.Single(c => c.Name == name);
        var dockerfile = File.ReadAllText(Repository.File(component.Project, "Dockerfile"));
        var values = ChartValues(name);

        Assert.Contains($"dotnet publish {component.Project}/{component.Assembly}.csproj", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{component.Assembly}.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/sdk:\S+ AS build", dockerfile);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/aspnet:\S+ AS final", dockerfile);
        var user = UserLine().Match(dockerfile).Groups[1].Value;
        Assert.NotEqual("0", user);
        Assert.NotEqual("root", user);
        var ports = (Dictionary<object, object>)values["containerPorts"];
        Assert.Contains($"EXPOSE {ports["http"]} {ports["grpc"]}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"Kestrel__Endpoints__http__Url=http://+:{ports["http"]}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"Kestrel__Endpoints__grpc__Url=http://+:{ports["grpc"]}", dockerfile, StringComparison.Ordinal);
        // Every folder the build copies exists, so the build context is complete.
        foreach (Match copy in CopyLine().Matches(dockerfile))
        foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            Assert.True(Path.Exists(Repository.File(source.TrimEnd('/'))), $"{name}: COPY {source} names nothing");
    }

    [Theory, MemberData(nameof(Components))]
    public async Task The_sdk_container_settings_name_the_repository_and_ports_the_chart_uses(string name)
    {
        var component = Component.All.Single(c => c.Name == name);
        var run = (await ToolRun.StartAsync("dotnet", ["msbuild", Repository.File(component.Project, $"{component.Assembly}.csproj"),
            "-getProperty:ContainerRepository", "-getProperty:ContainerUser", "-getItem:ContainerPort"])).Succeeded();
        var values = ChartValues(name);
        var image = (Dictionary<object, object>)values["image"];
        var ports = (Dictionary<object, object>)values["containerPorts"];

        Assert.Contains($"\"ContainerRepository\": \"{image["repository"]}\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"ContainerUser\": \"1654\"", run.Output, StringComparison.Ordinal);
        Assert.Contains($"\"Identity\": \"{ports["http"]}\"", run.Output, StringComparison.Ordinal);
        Assert.Contains($"\"Identity\": \"{ports["grpc"]}\"", run.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string> Components => [.. Component.All.Select(c => c.Name)];

    private static Dictionary<object, object> ChartValues(string component) =>
        (Dictionary<object, object>)ExampleValues.Read("values.yaml")[component]!;

    [GeneratedRegex(@"^USER (\S+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^COPY (?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();
}
