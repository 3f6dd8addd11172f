using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.FunctionalTests.Edge;

/// <summary>A gateway configured with a limit it cannot honour refuses to start, naming the setting, rather than serving with it.</summary>
public sealed class ConfigurationTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    [Theory]
    [InlineData("Gateway:RateLimits:Default:Burst", "0", "Gateway:RateLimits")]
    [InlineData("Gateway:RateLimits:Default:PermitsPerSecond", "-1", "Gateway:RateLimits")]
    [InlineData("Gateway:Access:CacheLifetime", "-00:00:01", "Gateway:Access")]
    [InlineData("Gateway:Limits:MaxRequestBodyBytes", "0", "Gateway:Limits")]
    public async Task An_impossible_limit_stops_the_gateway_at_start(string key, string value, string section)
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-gateway-config-").FullName;
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            platform.StartGatewayAsync(folder, new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(section, error.Message, StringComparison.Ordinal);
    }
}
