namespace Lodestar.Errors;

/// <summary>Shortens text to a length limit, marking the cut with an ellipsis.</summary>
public static class TextClip
{
    public static string Clip(this string text, int max)
    {
        if (text.Length <= max) return text;
        // Never split a surrogate pair: half of one is not text any database or encoder accepts.
        var keep = max - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
