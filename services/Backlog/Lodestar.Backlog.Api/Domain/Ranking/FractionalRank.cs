using System.Numerics;
using System.Text;

namespace Lodestar.Backlog.Domain.Ranking;

/// <summary>
/// Fractional rank keys: base-62 digit strings read as fractions in (0, 1), compared ordinally, never ending in the
/// lowest digit. A key can always be made between two others, so a move rewrites only the moved item; keys grow by
/// about one digit per 6 moves into the same gap, and <see cref="Spread(int, string?, string?, int)"/> re-spaces a run of
/// keys when they get long.
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
    public static IReadOnlyList<string> Spread(int count) => Spread(count, null, null, int.MaxValue)!;

    /// <summary>
    /// <paramref name="count"/> evenly spaced keys strictly between <paramref name="lower"/> and <paramref name="upper"/>
    /// (null: the ends), in order, with the fewest digits that leave room for a few more keys in every gap; null when
    /// that takes more than <paramref name="maxLength"/> digits (the bounds are too close) or the bounds are out of order.
    /// </summary>
    public static IReadOnlyList<string>? Spread(int count, string? lower, string? upper, int maxLength)
    {
        if (lower is not null && upper is not null && string.CompareOrdinal(lower, upper) >= 0) return null;
        var gaps = new BigInteger(count + 1);
        for (var width = 1; width <= maxLength; width++)
        {
            // Keys as integers of `width` digits: above lower's first digits, below upper's (which are at most upper).
            var low = Truncated(lower, width);
            var high = upper is null ? BigInteger.Pow(Base, width) : Truncated(upper, width);
            var room = high - low;
            if (room < 4 * gaps) continue;
            var keys = new List<string>(count);
            for (var i = 1; i <= count; i++) keys.Add(Encode(low + (room * i / gaps), width));
            return keys;
        }
        return null;
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

    /// <summary>The key's first <paramref name="width"/> digits as an integer (missing digits are zeros).</summary>
    private static BigInteger Truncated(string? key, int width)
    {
        var value = BigInteger.Zero;
        for (var i = 0; i < width; i++) value = (value * Base) + (key is not null && i < key.Length ? Digits.IndexOf(key[i], StringComparison.Ordinal) : 0);
        return value;
    }

    private static string Encode(BigInteger value, int width)
    {
        var builder = new StringBuilder(new string(Digits[0], width));
        for (var i = width - 1; i >= 0; i--, value /= Base) builder[i] = Digits[(int)(value % Base)];
        return builder.ToString().TrimEnd(Digits[0]);
    }
}
