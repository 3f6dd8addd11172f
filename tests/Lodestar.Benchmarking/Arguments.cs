using System.Globalization;

namespace Lodestar.Benchmarking;

/// <summary>"--name value" command-line options with defaults.</summary>
public sealed class Arguments(string[] args)
{
    public string Text(string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
