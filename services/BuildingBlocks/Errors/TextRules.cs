using System.Globalization;

namespace Lodestar.Errors;

/// <summary>
/// What any text field of any service may hold, whichever database stores it: no control character but tab, line feed
/// and carriage return (PostgreSQL refuses U+0000 in text that SQLite stores; the others corrupt logs, CSV exports and
/// terminals), no unpaired surrogate (it has no UTF-8 encoding), and a length counted in characters (Unicode scalar
/// values), as PostgreSQL counts <c>varchar(n)</c>, so an emoji is one character, not two UTF-16 units.
/// </summary>
public static class TextRules
{
    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string text)
    {
        var position = 0;
        for (var i = 0; i < text.Length; i++, position++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return Describe($"an unpaired surrogate (U+{(int)c:X4}) at character {position + 1}: the text is not valid Unicode");
            if (c == '\0') return Describe($"the NUL character (U+0000) at character {position + 1}");
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return Describe($"the control character U+{(int)c:X4} at character {position + 1}; of the control characters only tab and line breaks are allowed");
        }
        return null;
    }

    /// <summary>Characters (Unicode scalar values) in <paramref name="text"/>: a surrogate pair counts once (an unpaired one too).</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    private static string Describe(string what) => string.Create(CultureInfo.InvariantCulture, $"Must not contain {what}.");
}
