using System.Text.RegularExpressions;
using Lodestar.Errors;

namespace Lodestar.Strategy.Domain;

/// <summary>Metric keys as the metrics service names them: a letter, then up to 99 of a–z, 0–9, _ . : -.</summary>
public static partial class MetricKeys
{
    public static Violations Check(this Violations violations, string field, string? key) =>
        string.IsNullOrEmpty(key) ? violations.Add(field, "Required.")
        : Pattern().IsMatch(key) ? violations
        : violations.Add(field, "Use a lowercase letter, then up to 99 of a–z, 0–9, '_', '.', ':' or '-'.");

    [GeneratedRegex("^[a-z][a-z0-9_.:-]{0,99}$")]
    private static partial Regex Pattern();
}
