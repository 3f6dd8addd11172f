namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>An item's Kano category (most frequent) with the per-category counts and the better/worse coefficients.</summary>
public sealed record KanoResult(KanoCategory? Category, IReadOnlyDictionary<KanoCategory, int> Counts, double? Better, double? Worse)
{
    public const string Formula = "Category = most frequent (ties: M > O > A > I > R > Q); CS+ = (A + O) ÷ (A + O + M + I); CS− = −(O + M) ÷ (A + O + M + I)";

    /// <summary>Tie order: the category that hurts most when ignored wins (Berger et al.).</summary>
    private static readonly KanoCategory[] TieOrder =
        [KanoCategory.MustBe, KanoCategory.OneDimensional, KanoCategory.Attractive, KanoCategory.Indifferent, KanoCategory.Reverse, KanoCategory.Questionable];

    public int Count(KanoCategory category) => Counts.GetValueOrDefault(category);

    public int ResponseCount => Counts.Values.Sum();

    public static KanoResult From(IReadOnlyDictionary<KanoCategory, int> counts)
    {
        var (a, o, m, i) = (counts.GetValueOrDefault(KanoCategory.Attractive), counts.GetValueOrDefault(KanoCategory.OneDimensional),
            counts.GetValueOrDefault(KanoCategory.MustBe), counts.GetValueOrDefault(KanoCategory.Indifferent));
        var best = TieOrder.Select(c => (Category: c, Count: counts.GetValueOrDefault(c))).MaxBy(c => c.Count);
        KanoCategory? category = best.Count > 0 ? best.Category : null;
        var denominator = a + o + m + i;
        return denominator == 0
            ? new KanoResult(category, counts, null, null)
            : new KanoResult(category, counts, (double)(a + o) / denominator, -(double)(o + m) / denominator);
    }

    /// <summary>
    /// Sort key: must-be first (table stakes), then one-dimensional, attractive, indifferent, questionable, reverse;
    /// within a category the stronger satisfaction effect, CS+ + |CS−| (0–2), first.
    /// </summary>
    public double? RankingKey => Category switch
    {
        null => null,
        { } c => (CategoryWeight(c) * 10) + (Better ?? 0) - (Worse ?? 0),
    };

    private static int CategoryWeight(KanoCategory category) => category switch
    {
        KanoCategory.MustBe => 6,
        KanoCategory.OneDimensional => 5,
        KanoCategory.Attractive => 4,
        KanoCategory.Indifferent => 3,
        KanoCategory.Questionable => 2,
        _ => 1,
    };
}
