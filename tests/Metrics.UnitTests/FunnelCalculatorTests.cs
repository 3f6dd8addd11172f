using Lodestar.Metrics.Domain.Funnels;

namespace Metrics.UnitTests;

public sealed class FunnelCalculatorTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Steps = ["view", "cart", "buy"];

    private static FunnelEvent E(int user, string name, double hours) => new(user, name, T0.AddHours(hours));

    private static long[] Run(TimeSpan window, params FunnelEvent[] events) =>
        FunnelCalculator.UsersPerStep(events.OrderBy(e => e.UserIndex).ThenBy(e => e.Time), Steps, window, T0, T0.AddDays(1));

    [Fact]
    public void Steps_count_only_in_order_and_within_the_window_from_entry()
    {
        var reached = Run(TimeSpan.FromHours(10),
            E(1, "view", 1), E(1, "cart", 2), E(1, "buy", 3),        // all three
            E(2, "view", 1), E(2, "buy", 2), E(2, "cart", 3),        // buy before cart: two steps
            E(3, "view", 1), E(3, "cart", 2), E(3, "buy", 12),       // buy after the window: two steps
            E(4, "cart", 1), E(4, "buy", 2),                         // never entered
            E(5, "view", 30), E(5, "cart", 31));                     // entered after the range

        Assert.Equal([3L, 3, 1], reached);
    }

    [Fact]
    public void A_user_counts_once_with_the_deepest_entry()
    {
        var reached = Run(TimeSpan.FromHours(2),
            E(1, "view", 1), E(1, "view", 5), E(1, "cart", 6), E(1, "buy", 6.5));

        Assert.Equal([1L, 1, 1], reached);
    }

    [Fact]
    public void Repeated_step_names_need_separate_events()
    {
        var reached = FunnelCalculator.UsersPerStep([E(1, "view", 1), E(2, "view", 1), E(2, "view", 2)], ["view", "view"], TimeSpan.FromDays(1), T0, T0.AddDays(1));

        Assert.Equal([2L, 1], reached);
    }
}
