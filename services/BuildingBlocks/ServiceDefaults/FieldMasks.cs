using Google.Protobuf.WellKnownTypes;
using Lodestar.Errors;

namespace Lodestar.ServiceDefaults;

/// <summary>AIP-134 update masks: the paths to change, checked against what a method may change.</summary>
public static class FieldMasks
{
    /// <summary>The mask's paths; an empty mask is INVALID_ARGUMENT, and so is any path not in <paramref name="allowed"/>.</summary>
    public static IReadOnlyList<string> Require(FieldMask? mask, IReadOnlyList<string> allowed) =>
        mask is { Paths.Count: > 0 } ? Check(mask, allowed) : throw new ValidationException("update_mask", "Name the fields to change.");

    /// <summary>The mask's paths, or all of <paramref name="allowed"/> for an empty mask (AIP-134's full replacement).</summary>
    public static IReadOnlyList<string> OrAll(FieldMask? mask, IReadOnlyList<string> allowed) =>
        mask is { Paths.Count: > 0 } ? Check(mask, allowed) : allowed;

    private static List<string> Check(FieldMask mask, IReadOnlyList<string> allowed)
    {
        var unknown = mask.Paths.Where(p => !allowed.Contains(p)).ToList();
        return unknown.Count == 0
            ? [.. mask.Paths.Distinct()]
            : throw new ValidationException("update_mask", $"Not updatable: {string.Join(", ", unknown)}. Use {string.Join(", ", allowed)}.");
    }
}
