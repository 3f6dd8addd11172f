namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>
/// An item's Kano survey answers, kept as a count per (functional, dysfunctional) answer pair: 25 numbers, however
/// many thousand respondents, and enough to evaluate the table.
/// </summary>
public sealed class KanoAnswers
{
    public const int MaxResponses = 10_000;

    /// <summary>Row-major counts: index (functional − 1) × 5 + (dysfunctional − 1).</summary>
    public List<int> PairCounts { get; set; } = [.. new int[25]];

    public int Total => PairCounts.Sum();

    public int CountOf(KanoAnswer functional, KanoAnswer dysfunctional) => PairCounts[Index(functional, dysfunctional)];

    public void Add(KanoAnswer functional, KanoAnswer dysfunctional) => PairCounts[Index(functional, dysfunctional)]++;

    public KanoResult Evaluate()
    {
        var counts = new Dictionary<KanoCategory, int>();
        foreach (var functional in Enum.GetValues<KanoAnswer>())
        {
            foreach (var dysfunctional in Enum.GetValues<KanoAnswer>())
            {
                var category = KanoTable.Evaluate(functional, dysfunctional);
                counts[category] = counts.GetValueOrDefault(category) + CountOf(functional, dysfunctional);
            }
        }
        return KanoResult.From(counts);
    }

    private static int Index(KanoAnswer functional, KanoAnswer dysfunctional) => (((int)functional - 1) * 5) + ((int)dysfunctional - 1);
}
