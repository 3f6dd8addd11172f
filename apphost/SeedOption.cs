namespace Lodestar.AppHost;

/// <summary>The app host's <c>--seed</c> option: <c>--seed demo</c> fills the development workspace with the demo product.</summary>
internal static class SeedOption
{
    public const string Demo = "demo";

    /// <summary>True for <c>--seed demo</c>; false without the option; an unknown value is an error worth stopping for.</summary>
    public static bool WantsDemo(string? value) => value switch
    {
        null or "" => false,
        Demo => true,
        _ => throw new ArgumentException($"--seed takes one value, '{Demo}' (the demo workspace), not '{value}'."),
    };
}
