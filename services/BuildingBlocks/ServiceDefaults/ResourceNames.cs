using Lodestar.Errors;

namespace Lodestar.ServiceDefaults;

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
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !Guid.TryParseExact(name.AsSpan(prefix.Length), "D", out var id))
            throw new ValidationException(field, $"'{Truncate(name)}' is not a resource name of the form {collection}/{{id}}.");
        return id;
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
