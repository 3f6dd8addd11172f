using System.Globalization;

namespace Lodestar.Testing;

/// <summary>
/// The processes one app host run started, found in /proc by what ties them to it: its data folder in their command
/// line or environment (DCP passes the app host's environment on to every process it starts), DCP's watch on the app
/// host's id, or a parent already found (redis-server rewrites its command line and environment area).
/// </summary>
public static class OwnedProcesses
{
    public static Dictionary<int, string> Of(int appHost, string dataFolder)
    {
        var processes = ProcessTable.All().Where(p => p.Id != appHost && p.CommandLine.Length > 0).ToList();
        var owned = processes
            .Where(p => p.CommandLine.Contains(dataFolder, StringComparison.Ordinal)
                || ProcessTable.Environment(p.Id).Contains(dataFolder, StringComparison.Ordinal)
                || p.CommandLine.Contains($"--monitor {appHost.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal))
            .ToDictionary(p => p.Id, p => p.CommandLine);
        for (var grew = true; grew;)
        {
            var children = processes.Where(p => owned.ContainsKey(p.Parent) && !owned.ContainsKey(p.Id)).ToList();
            foreach (var child in children) owned[child.Id] = child.CommandLine;
            grew = children.Count > 0;
        }
        return owned;
    }
}
