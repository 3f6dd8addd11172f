using System.Globalization;
using Lodestar.Errors;

namespace Lodestar.Persistence;

/// <summary>Etags (AIP-154) are the entity version in quotes: "\"7\"". Clients treat them as opaque.</summary>
public static class ETag
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Parses an etag sent by a client; a malformed one is a validation error on <paramref name="field"/>.</summary>
    public static long Parse(string etag, string field = "etag")
    {
        var text = etag.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new ValidationException(field, "The etag is malformed: send back the etag of the resource as read.");
    }
}
