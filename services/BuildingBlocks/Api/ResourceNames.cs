using Lodestar.Errors;

namespace Lodestar.Api;

/// <summary>AIP-122 resource names such as "products/{id}" or "products/{id}/stageReviews/{id}", with UUID ids.</summary>
public static class ResourceNames
{
    public static string Format(string collection, Guid id) => $"{collection}/{id:D}";

    public static string Format(string parentCollection, Guid parentId, string collection, Guid id) =>
        $"{parentCollection}/{parentId:D}/{collection}/{id:D}";

    /// <summary>The id in "{collection}/{id}"; anything else is INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static Guid ParseId(string? name, string collection, string field)
    {
        var prefix = collection + "/";
        if (string.IsNullOrEmpty(name))
            throw new ValidationException(field, $"Required: a resource name of the form {collection}/{{id}}.");
        if (!TryParseId(name, prefix, out var id))
            throw new ValidationException(field, $"'{Truncate(name)}' is not a resource name of the form {collection}/{{id}}.");
        return id;
    }

    /// <summary>The id of an optional "{collection}/{id}" reference, such as a list filter; null when empty.</summary>
    public static Guid? ParseOptionalId(string? name, string collection, string field) =>
        string.IsNullOrEmpty(name) ? null : ParseId(name, collection, field);

    /// <summary>The id of an optional reference, or null; a malformed one is a violation on <paramref name="field"/>.</summary>
    public static Guid? ParseOptionalId(string? name, string collection, string field, Violations violations)
    {
        if (string.IsNullOrEmpty(name)) return null;
        if (TryParseId(name, collection + "/", out var id)) return id;
        violations.Add(field, $"'{Truncate(name)}' is not a resource name of the form {collection}/{{id}}.");
        return null;
    }

    /// <summary>The parent and child ids in "{parentCollection}/{id}/{collection}/{id}".</summary>
    public static (Guid ParentId, Guid Id) ParseChildId(string? name, string parentCollection, string collection, string field)
    {
        var form = $"{parentCollection}/{{id}}/{collection}/{{id}}";
        if (string.IsNullOrEmpty(name)) throw new ValidationException(field, $"Required: a resource name of the form {form}.");
        return TryParseChildId(name, parentCollection, collection, out var ids)
            ? ids
            : throw new ValidationException(field, $"'{Truncate(name)}' is not a resource name of the form {form}.");
    }

    /// <summary>The ids of a child name, or null with a violation on <paramref name="field"/>.</summary>
    public static (Guid ParentId, Guid Id)? ParseChildId(string? name, string parentCollection, string collection, string field, Violations violations)
    {
        if (TryParseChildId(name, parentCollection, collection, out var ids)) return ids;
        violations.Add(field, $"'{Truncate(name ?? "")}' is not a resource name of the form {parentCollection}/{{id}}/{collection}/{{id}}.");
        return null;
    }

    private static bool TryParseChildId(string? name, string parentCollection, string collection, out (Guid ParentId, Guid Id) ids)
    {
        ids = default;
        var parts = name?.Split('/') ?? [];
        if (parts.Length != 4 || parts[0] != parentCollection || parts[2] != collection
            || !Guid.TryParseExact(parts[1], "D", out var parentId) || !Guid.TryParseExact(parts[3], "D", out var id))
            return false;
        ids = (parentId, id);
        return true;
    }

    /// <summary>
    /// The ids of a list of "{collection}/{id}" names: at most <paramref name="max"/>, each malformed one a violation on
    /// "<paramref name="field"/>[i]". Returns the names with their ids, in order.
    /// </summary>
    public static List<(string Name, Guid Id)> ParseMany(IReadOnlyList<string> names, string collection, string field, int max, Violations violations)
    {
        if (names.Count > max) violations.Add(field, $"At most {max} entries; got {names.Count}.");
        var prefix = collection + "/";
        var parsed = new List<(string, Guid)>();
        for (var i = 0; i < names.Count && i < max; i++)
        {
            if (TryParseId(names[i], prefix, out var id))
                parsed.Add((names[i], id));
            else
                violations.Add($"{field}[{i}]", $"'{Truncate(names[i])}' is not a resource name of the form {collection}/{{id}}.");
        }
        return parsed;
    }

    /// <summary>The parent id in a singleton name such as "products/{id}/roadmap"; anything else is INVALID_ARGUMENT.</summary>
    public static Guid ParseSingletonParentId(string? name, string parentCollection, string singleton, string field)
    {
        var suffix = "/" + singleton;
        return name is not null && name.EndsWith(suffix, StringComparison.Ordinal) && TryParseId(name[..^suffix.Length], parentCollection + "/", out var id)
            ? id
            : throw new ValidationException(field, $"'{Truncate(name ?? "")}' is not a resource name of the form {parentCollection}/{{id}}{suffix}.");
    }

    private static bool TryParseId(string name, string prefix, out Guid id)
    {
        id = Guid.Empty;
        return name.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(name.AsSpan(prefix.Length), "D", out id);
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
