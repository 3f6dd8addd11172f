using System.IO.Hashing;
using System.Text;

namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>
/// Deterministic assignment: XxHash64 of "{experiment key}:{distinct id}" picks one of 10,000 buckets, and the
/// variants own consecutive ranges of buckets in proportion to their weights. Same user, same key: same variant, on
/// every replica and every call, without stored state.
/// </summary>
public static class VariantAssignment
{
    public const int Buckets = 10_000;

    public static int BucketOf(string experimentKey, string distinctId) =>
        (int)(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{experimentKey}:{distinctId}")) % Buckets);

    public static string Pick(string experimentKey, string distinctId, IReadOnlyList<ExperimentVariant> variants)
    {
        var bucket = BucketOf(experimentKey, distinctId);
        var upper = 0.0;
        foreach (var variant in variants)
        {
            upper += variant.WeightPercent / 100 * Buckets;
            if (bucket < Math.Round(upper)) return variant.Key;
        }
        return variants[^1].Key; // rounding of the last boundary
    }
}
