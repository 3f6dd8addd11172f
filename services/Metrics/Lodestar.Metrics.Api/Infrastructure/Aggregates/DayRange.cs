namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>UTC days <paramref name="From"/>..<paramref name="To"/> (day numbers, inclusive).</summary>
public readonly record struct DayRange(int From, int To)
{
    public IEnumerable<int> Days => Enumerable.Range(From, Math.Max(0, To - From + 1));
}
