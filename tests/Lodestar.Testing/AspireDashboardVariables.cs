using Lodestar.LocalInfrastructure;

namespace Lodestar.Testing;

/// <summary>
/// What apphost/Properties/launchSettings.json gives `dotnet run`, on free ports: an app host started any other way
/// (its assembly, or `dotnet run --no-launch-profile`) serves the Aspire dashboard and its OTLP receivers with these.
/// </summary>
public static class AspireDashboardVariables
{
    public static Dictionary<string, string> OnFreePorts() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
    };
}
