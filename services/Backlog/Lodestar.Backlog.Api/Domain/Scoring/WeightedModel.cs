using Lodestar.Backlog.Domain.Products;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>
/// A product's weighted scoring model: Σ weight × score ÷ Σ weight over its criteria, each score 0–10, so the result
/// is 0–10 too. A criterion the item has no score for counts as 0 (and the explanation names it).
/// </summary>
public static class WeightedModel
{
    public const string Formula = "Weighted = Σ (weight × score) ÷ Σ weight";
    public const double MaxScore = 10;

    public static double? Score(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, double> scores, InputReader read)
    {
        if (criteria.Count == 0 || !criteria.Any(c => scores.ContainsKey(c.Key))) return null;
        var total = criteria.Sum(c => c.Weight * (scores.TryGetValue(c.Key, out var score) ? read("weighted." + c.Key, score) : 0));
        return total / criteria.Sum(c => c.Weight);
    }
}
