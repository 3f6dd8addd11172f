using Charts.Tests.Infrastructure;

namespace Charts.Tests;

/// <summary>The chart README's parameter tables are generated from values.yaml's ## @param comments, and current.</summary>
public sealed class ChartReadmeTests
{
    [Fact]
    public async Task The_parameter_tables_match_the_values_file()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"lodestar-chart-readme-{Guid.NewGuid():N}.md");
        File.Copy(Path.Combine(Repository.Chart, "README.md"), copy);
        try
        {
            // The generator fails on any value without metadata, and rewrites the tables from the values file.
            (await ToolRun.StartAsync("bash", ["scripts/chart-readme", "--check", copy])).Succeeded();

            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Repository.Chart, "README.md"), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(copy, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
