namespace Lodestar.AppHost.Seeding;

/// <summary>The app host's <c>--seed</c> option: <c>--seed demo</c> fills the development workspace with the demo product.</summary>
internal static class SeedOption
{
    public const string Demo = "demo";

    /// <summary>True for <c>--seed demo</c>; false without the option; an unknown value is an error worth stopping for.</summary>
    public static bool WantsDemo(string[] args)
    {
        var at = Array.IndexOf(args, "--seed");
        if (at < 0) return false;
        if (at + 1 < args.Length && args[at + 1] == Demo) return true;
        throw new ArgumentException($"--seed takes one value, '{Demo}' (the demo workspace).", nameof(args));
    }
}
