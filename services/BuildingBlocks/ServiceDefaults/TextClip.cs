namespace Lodestar.ServiceDefaults;

/// <summary>Shortens text to a length limit, marking the cut with an ellipsis.</summary>
public static class TextClip
{
    public static string Clip(this string text, int max)
    {
        if (text.Length <= max) return text;
        // Never split a surrogate pair: half of one is not text any database or encoder accepts.
        var keep = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
