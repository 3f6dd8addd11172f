using Lodestar.Backlog.Domain.Items;

namespace Backlog.UnitTests;

public sealed class DependencyCycleTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    [Fact]
    public void A_chain_back_to_the_item_is_reported_as_its_path()
    {
        // B is blocked by C, C by A; making A blocked by B closes A → B → C → A.
        var edges = new Dictionary<Guid, IReadOnlyList<Guid>> { [B] = [C], [C] = [A] };
        Assert.Equal([A, B, C, A], DependencyCycles.Find(A, [B], id => edges.GetValueOrDefault(id) ?? []));
    }

    [Fact]
    public void Self_blocking_is_a_cycle() => Assert.Equal([A, A], DependencyCycles.Find(A, [A], _ => []));

    [Fact]
    public void A_diamond_is_not_a_cycle()
    {
        var edges = new Dictionary<Guid, IReadOnlyList<Guid>> { [B] = [D], [C] = [D] };
        Assert.Null(DependencyCycles.Find(A, [B, C], id => edges.GetValueOrDefault(id) ?? []));
    }
}
