namespace Lodestar.ServiceDefaults;

/// <summary>Shortens text to a length limit, marking the cut with an ellipsis.</summary>
public static class TextClip
{
    public static string Clip(this string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
