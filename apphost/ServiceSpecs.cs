using Lodestar.AppHost.Orchestration;

namespace Lodestar.AppHost;

/// <summary>How the app host runs a Lodestar service: its built assembly under <c>dotnet</c>, answering on <c>/alive</c>.</summary>
internal static class ServiceSpecs
{
    public static ProcessSpec For(string service, string assembly, IReadOnlyDictionary<string, string> environment) =>
        new(service, "dotnet", [assembly], environment, new Uri(AppHostSettings.HttpAddress(service), "/alive"));
}
