using System.Text;

namespace Lodestar.Backlog.Domain.Ranking;

/// <summary>
/// Fractional rank keys: base-62 digit strings read as fractions in (0, 1), compared ordinally, never ending in the
/// lowest digit. A key can always be made between two others, so a move rewrites only the moved item; keys grow by
/// about one digit per 6 moves into the same gap, and <see cref="Spread"/> re-spaces a product when they get long.
/// </summary>
public static class FractionalRank
{
    public const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const int RespaceAboveLength = 40;
    private const int Base = 62;

    /// <summary>A key strictly between <paramref name="before"/> and <paramref name="after"/> (null: the ends).</summary>
    public static string Between(string? before, string? after)
    {
        before ??= "";
        if (after is not null && string.CompareOrdinal(before, after) >= 0)
            throw new ArgumentException($"'{before}' is not below '{after}'.", nameof(before));
        return Midpoint(before, after);
    }

    /// <summary><paramref name="count"/> evenly spaced keys of equal length, in order.</summary>
    public static IReadOnlyList<string> Spread(int count)
    {
        var width = 1;
        for (var capacity = (long)Base; capacity < 4L * (count + 1); capacity *= Base) width++;
        var span = (long)Math.Pow(Base, width);
        var keys = new List<string>(count);
        for (var i = 1; i <= count; i++) keys.Add(Encode((long)((double)i * span / (count + 1)), width));
        return keys;
    }

    private static string Midpoint(string a, string? b)
    {
        if (b is not null)
        {
            var n = 0;
            while (n < b.Length && DigitAt(a, n) == b[n]) n++;
            if (n > 0) return b[..n] + Midpoint(n < a.Length ? a[n..] : "", b[n..]);
        }
        var low = a.Length > 0 ? Digits.IndexOf(a[0], StringComparison.Ordinal) : 0;
        var high = b is { Length: > 0 } ? Digits.IndexOf(b[0], StringComparison.Ordinal) : Base;
        if (high - low > 1) return Digits[(low + high) / 2].ToString();
        // Adjacent digits: a longer b leaves room below it; otherwise go one digit deeper above a.
        if (b is { Length: > 1 }) return b[..1];
        return Digits[low] + Midpoint(a.Length > 0 ? a[1..] : "", null);
    }

    private static char DigitAt(string key, int index) => index < key.Length ? key[index] : Digits[0];

    private static string Encode(long value, int width)
    {
        var builder = new StringBuilder(new string(Digits[0], width));
        for (var i = width - 1; i >= 0; i--, value /= Base) builder[i] = Digits[(int)(value % Base)];
        return builder.ToString().TrimEnd(Digits[0]);
    }
}
