using System.Text.RegularExpressions;
using Lodestar.Contracts.Metrics;
using Lodestar.Errors;

namespace Lodestar.Strategy.Domain;

/// <summary>
/// Metric keys as the metrics service names them (a letter, then up to 99 of a–z, 0–9, _ . : -), and the rule that a
/// KPI or key result binds only to a metric its product has: a built-in one, or one of its own (funnel conversions).
/// </summary>
public static partial class MetricKeys
{
    /// <summary>How many of a product's own metrics an error lists before it says how many more there are.</summary>
    private const int Listed = 20;

    public static Violations Check(this Violations violations, string field, string? key) =>
        string.IsNullOrEmpty(key) ? violations.Add(field, "Required.")
        : Pattern().IsMatch(key) ? violations
        : violations.Add(field, "Use a lowercase letter, then up to 99 of a–z, 0–9, '_', '.', ':' or '-'.");

    /// <summary>Whether the key is well formed and not built in: only then do the product's own metrics decide.</summary>
    public static bool NeedsCatalog(string key) => Pattern().IsMatch(key) && !BuiltInMetrics.Keys.Contains(key);

    /// <summary>Refuses a well-formed key the product does not have, naming the keys it has (own: its own metrics, key and name).</summary>
    public static Violations CheckKnown(this Violations violations, string field, string key, IReadOnlyList<(string Key, string DisplayName)> own)
    {
        if (!NeedsCatalog(key) || own.Any(m => m.Key == key)) return violations;
        var listed = own.Take(Listed).Select(m => $"{m.Key} ({m.DisplayName})");
        var more = own.Count > Listed ? $" and {own.Count - Listed} more" : "";
        var ownText = own.Count == 0 ? "; it has no funnels yet (a funnel's conversion is available moments after the funnel is created)" : $"; its own: {string.Join(", ", listed)}{more}";
        return violations.Add(field, $"'{key}' is not a metric of this product. Built in: {string.Join(", ", BuiltInMetrics.Keys)}{ownText}.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_.:-]{0,99}$")]
    private static partial Regex Pattern();
}
