using Lodestar.LocalInfrastructure;

namespace Lodestar.AppHost;

/// <summary>Where the app host keeps its data: LODESTAR_DATA (default ".lodestar" in the working folder), kept across runs.</summary>
internal static class AppHostSettings
{
    public static string DataRoot =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("LODESTAR_DATA") ?? Path.Combine(Environment.CurrentDirectory, ".lodestar"));

    public static LocalInfrastructureOptions Infrastructure() => new()
    {
        DataRoot = Path.Combine(DataRoot, "infrastructure"),
        DeleteDataOnDispose = false,
        Ephemeral = false,
    };
}
