using Charts.Tests.Infrastructure;

namespace Charts.Tests;

/// <summary>helm lint --strict passes with each example values file.</summary>
public sealed class ChartLintTests
{
    [Theory, MemberData(nameof(ExampleValues.Files), MemberType = typeof(ExampleValues))]
    public async Task The_chart_lints_strictly_with_the_example_values(string valuesFile)
    {
        var lint = await Helm.RunAsync("lint", "--strict", Repository.Chart, "-f", Path.Combine(Repository.Chart, valuesFile));

        Assert.True(lint.ExitCode == 0, lint.Output + lint.Error);
        Assert.Contains("0 chart(s) failed", lint.Output, StringComparison.Ordinal);
    }
}
