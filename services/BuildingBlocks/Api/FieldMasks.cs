using Google.Protobuf.WellKnownTypes;
using Lodestar.Errors;

namespace Lodestar.Api;

/// <summary>AIP-134 update masks: the paths to change, checked against what a method may change.</summary>
public static class FieldMasks
{
    /// <summary>The mask's paths; an empty mask is INVALID_ARGUMENT, and so is any path not in <paramref name="allowed"/>.</summary>
    public static IReadOnlyList<string> Require(FieldMask? mask, IReadOnlyList<string> allowed) =>
        mask is { Paths.Count: > 0 } ? Check(mask, allowed) : throw new ValidationException("update_mask", "Name the fields to change.");

    /// <summary>The mask's paths, or all of <paramref name="allowed"/> for an empty mask (AIP-134's full replacement).</summary>
    public static IReadOnlyList<string> OrAll(FieldMask? mask, IReadOnlyList<string> allowed) =>
        mask is { Paths.Count: > 0 } ? Check(mask, allowed) : allowed;

    /// <summary>The mask's paths as proto field names, whichever spelling the caller used, each once.</summary>
    public static IReadOnlyList<string> Paths(FieldMask mask) => [.. mask.Paths.Select(ToSnakeCase).Distinct()];

    private static IReadOnlyList<string> Check(FieldMask mask, IReadOnlyList<string> allowed)
    {
        var paths = Paths(mask);
        var unknown = paths.Where(p => !allowed.Contains(p)).ToList();
        return unknown.Count == 0
            ? paths
            : throw new ValidationException("update_mask", $"Not updatable: {string.Join(", ", unknown)}. Use {string.Join(", ", allowed)}.");
    }

    /// <summary>
    /// REST clients send masks in the JSON form (lowerCamelCase: "targetPersona"), and transcoding passes query-string
    /// masks through unconverted; both forms name the same proto field.
    /// </summary>
    private static string ToSnakeCase(string path)
    {
        var builder = new System.Text.StringBuilder(path.Length + 4);
        foreach (var c in path)
        {
            if (char.IsAsciiLetterUpper(c))
                builder.Append('_').Append(char.ToLowerInvariant(c));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
