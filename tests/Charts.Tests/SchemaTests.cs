using Charts.Tests.Infrastructure;

namespace Charts.Tests;

/// <summary>values.schema.json and the chart's own checks refuse values that cannot work, naming the value.</summary>
public sealed class SchemaTests
{
    [Theory]
    // Refused by the schema: a wrong type, a value outside its set, a missing required value.
    [InlineData("strategy.replicaCount=two", "at '/strategy/replicaCount': got string, want integer")]
    [InlineData("gateway.image.pullPolicy=Sometimes", "at '/gateway/image/pullPolicy'")]
    [InlineData("metrics.image.repository=null", "at '/metrics/image': missing property 'repository'")]
    [InlineData("telemetry.otlp.protocol=udp", "at '/telemetry/otlp/protocol'")]
    [InlineData("postgresql.auth.password=semi;colon", "at '/postgresql/auth/password'")]
    // Refused by the templates, with the value to set.
    [InlineData("postgresql.enabled=false", "connectionStrings.backlogdb is empty")]
    [InlineData("auth.jwt.signingKey=too-short", "auth.jwt.signingKey must be at least 32 characters")]
    [InlineData("connectionStrings.existingSecret=mine", "connectionStrings.existingSecret and the in-chart servers")]
    public async Task Values_that_cannot_work_are_refused(string set, string message)
    {
        var render = await Helm.TemplateAsync(ExampleValues.Laptop, set);

        Assert.NotEqual(0, render.ExitCode);
        Assert.Contains(message, render.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_alone_do_not_install_without_connection_strings()
    {
        var render = await Helm.TemplateAsync(null);

        Assert.NotEqual(0, render.ExitCode);
        Assert.Contains("connectionStrings.", render.Error, StringComparison.Ordinal);
    }
}
