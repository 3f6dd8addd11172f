using System.Numerics;
using System.Runtime.InteropServices;

namespace Lodestar.Metrics.Domain.Activity;

/// <summary>
/// A set of a product's dense user indexes as a bitmap in Redis's bit order (bit 0 is the most significant bit of the
/// first byte), so it reads and writes Redis bitmaps byte for byte. Set operations work a machine word at a time.
/// </summary>
public sealed class UserSet
{
    private byte[] _bytes;

    private UserSet(byte[] bytes) => _bytes = bytes;

    public static UserSet Empty() => new([]);

    /// <summary>A set over a Redis bitmap value (null or empty for no users); the bytes are copied.</summary>
    public static UserSet FromBitmap(ReadOnlySpan<byte> bitmap)
    {
        var bytes = new byte[Padded(bitmap.Length)];
        bitmap.CopyTo(bytes);
        return new UserSet(bytes);
    }

    public static UserSet Of(IEnumerable<int> indexes)
    {
        var set = Empty();
        foreach (var index in indexes) set.Add(index);
        return set;
    }

    /// <summary>The bitmap as Redis stores it.</summary>
    public ReadOnlySpan<byte> Bitmap => _bytes;

    public long Count
    {
        get
        {
            long count = 0;
            foreach (var word in Words(_bytes)) count += BitOperations.PopCount(word);
            return count;
        }
    }

    public void Add(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var at = index >> 3;
        if (at >= _bytes.Length) Array.Resize(ref _bytes, Padded(Math.Max(at + 1, _bytes.Length * 2)));
        _bytes[at] |= (byte)(0x80 >> (index & 7));
    }

    public bool Contains(int index) => index >> 3 < _bytes.Length && (_bytes[index >> 3] & (0x80 >> (index & 7))) != 0;

    /// <summary>The user indexes in the set, in ascending order.</summary>
    public IEnumerable<int> Members()
    {
        for (var at = 0; at < _bytes.Length; at++)
        {
            var value = _bytes[at];
            for (var bit = 0; value != 0 && bit < 8; bit++)
                if ((value & (0x80 >> bit)) != 0) yield return (at << 3) + bit;
        }
    }

    /// <summary>Adds every user of <paramref name="other"/> to this set.</summary>
    public void UnionWith(UserSet other)
    {
        if (other._bytes.Length > _bytes.Length) Array.Resize(ref _bytes, other._bytes.Length);
        var mine = Words(_bytes);
        var theirs = Words(other._bytes);
        for (var i = 0; i < theirs.Length; i++) mine[i] |= theirs[i];
    }

    public UserSet Copy() => new((byte[])_bytes.Clone());

    public static UserSet Union(IEnumerable<UserSet> sets)
    {
        var union = Empty();
        foreach (var set in sets) union.UnionWith(set);
        return union;
    }

    /// <summary>|a ∩ b| without building the intersection.</summary>
    public static long CountIntersection(UserSet a, UserSet b)
    {
        var x = Words(a._bytes);
        var y = Words(b._bytes);
        long count = 0;
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++) count += BitOperations.PopCount(x[i] & y[i]);
        return count;
    }

    /// <summary>|a ∪ b| without building the union.</summary>
    public static long CountUnion(UserSet a, UserSet b)
    {
        var aLonger = a._bytes.Length >= b._bytes.Length;
        var longer = Words(aLonger ? a._bytes : b._bytes);
        var shorter = Words(aLonger ? b._bytes : a._bytes);
        long count = 0;
        for (var i = 0; i < shorter.Length; i++) count += BitOperations.PopCount(longer[i] | shorter[i]);
        for (var i = shorter.Length; i < longer.Length; i++) count += BitOperations.PopCount(longer[i]);
        return count;
    }

    private static Span<ulong> Words(byte[] bytes) => MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan());

    private static int Padded(int length) => (length + 7) & ~7;
}
