using System.Text.RegularExpressions;

namespace Lodestar.Testing;

/// <summary>The lines the app host prints once Lodestar is running (apphost/Services/DevelopmentAccessExtensions.cs), as tools read them.</summary>
public static partial class AppHostBanner
{
    [GeneratedRegex(@"Login to the dashboard at (\S+)")]
    public static partial Regex DashboardLogin();

    [GeneratedRegex(@"Lodestar is running\.")]
    public static partial Regex Running();

    [GeneratedRegex(@"^\s*gateway\s+REST (\S+)")]
    public static partial Regex GatewayRest();

    [GeneratedRegex(@"^\s*export WS=(\S+)")]
    public static partial Regex Workspace();

    [GeneratedRegex(@"^\s*export TOKEN=(\S+)")]
    public static partial Regex Token();
}
