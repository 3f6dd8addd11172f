namespace Charts.Tests.Infrastructure;

/// <summary>helm v4 from scripts/helm (installed into .tools/ on first use), run against charts/lodestar.</summary>
public static class Helm
{
    private static readonly Lazy<Task<string>> Binary = new(async () =>
        (await ToolRun.StartAsync("bash", ["scripts/helm", "--path"])).Succeeded().Output.Trim());

    public static async Task<ToolRun> RunAsync(params string[] arguments) =>
        await ToolRun.StartAsync(await Binary.Value, arguments);

    /// <summary>helm template of the chart with <paramref name="valuesFile"/> (under the chart) and --set pairs.</summary>
    public static Task<ToolRun> TemplateAsync(string? valuesFile, params string[] sets) =>
        RunAsync([
            "template", "lodestar", Repository.Chart, "--namespace", "lodestar",
            .. valuesFile is null ? Array.Empty<string>() : ["-f", Path.Combine(Repository.Chart, valuesFile)],
            .. sets.SelectMany(set => new[] { "--set", set }),
        ]);

    public static async Task<Manifests> RenderAsync(string valuesFile) =>
        Manifests.Parse((await TemplateAsync(valuesFile)).Succeeded().Output);
}
