using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lodestar.Persistence;

/// <summary>Stores a small value object list as one JSON text column, the same on both providers.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>()
        where T : new() =>
        new(value => JsonSerializer.Serialize(value, Options), text => JsonSerializer.Deserialize<T>(text, Options) ?? new T());

    /// <summary>Compares lists by their items (records compare by value), so edits are detected.</summary>
    public static ValueComparer<List<T>> Comparer<T>() =>
        new((a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
            list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
            list => list.ToList());

    /// <summary>Compares any value object by its JSON form, so edits inside nested lists and maps are detected.</summary>
    public static ValueComparer<T> SerializedComparer<T>()
        where T : new() =>
        new((a, b) => Serialize(a) == Serialize(b), value => Serialize(value).GetHashCode(StringComparison.Ordinal), value => Copy(value));

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Options);

    private static T Copy<T>(T value)
        where T : new() =>
        JsonSerializer.Deserialize<T>(Serialize(value), Options) ?? new T();
}
