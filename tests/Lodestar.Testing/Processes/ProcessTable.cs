using System.Diagnostics;
using System.Globalization;

namespace Lodestar.Testing;

/// <summary>
/// The machine's processes as /proc shows them: parents, children, command lines, environments. Read before a process
/// is asked to stop: once it exits, its children are re-parented and nothing links them to it any more.
/// </summary>
public static class ProcessTable
{
    /// <summary>Every process: (id, parent id, command line with its arguments joined by spaces).</summary>
    public static IEnumerable<(int Id, int Parent, string CommandLine)> All() =>
        Parents().Select(p => (p.Id, p.Parent, CommandLine(p.Id)));

    /// <summary>Every process and its parent, read from its stat alone (what walking the tree needs).</summary>
    private static IEnumerable<(int Id, int Parent)> Parents()
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            var stat = Read(Path.Combine(folder, "stat"), nulAsSpace: false);
            if (stat.Length == 0) continue; // exited while listed
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            yield return (id, int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The first child of <paramref name="parent"/>, or null when it has none.</summary>
    public static int? ChildOf(int parent) => Parents().Where(p => p.Parent == parent).Select(p => (int?)p.Id).FirstOrDefault();

    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = Parents().ToDictionary(p => p.Id, p => p.Parent);
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, ppid) in parents)
            {
                if (ppid != parent || found.Contains(pid)) continue;
                found.Add(pid);
                frontier.Enqueue(pid);
            }
        }
        return found;
    }

    /// <summary>The command line of <paramref name="process"/>; empty once it has exited (or for a kernel thread).</summary>
    public static string CommandLine(int process) => Read($"/proc/{process}/cmdline", nulAsSpace: true);

    /// <summary>The environment <paramref name="process"/> started with, as NAME=value lines joined by spaces (root reads any process's).</summary>
    public static string Environment(int process) => Read($"/proc/{process}/environ", nulAsSpace: true);

    public static bool IsAlive(int process) => CommandLine(process).Length > 0;

    /// <summary>Kills those of <paramref name="processes"/> still running.</summary>
    public static void Kill(IEnumerable<int> processes)
    {
        foreach (var pid in processes)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }

    private static string Read(string file, bool nulAsSpace)
    {
        try
        {
            var text = File.ReadAllText(file);
            return nulAsSpace ? text.Replace('\0', ' ').Trim() : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
