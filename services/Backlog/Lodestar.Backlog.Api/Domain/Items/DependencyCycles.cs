namespace Lodestar.Backlog.Domain.Items;

/// <summary>Detects "blocked by" cycles before they are stored.</summary>
public static class DependencyCycles
{
    /// <summary>
    /// The cycle that making <paramref name="item"/> blocked by <paramref name="blockers"/> would close, as the path
    /// item → blocker → … → item; null when there is none. <paramref name="blockersOf"/> gives the stored edges.
    /// </summary>
    public static IReadOnlyList<Guid>? Find(Guid item, IEnumerable<Guid> blockers, Func<Guid, IReadOnlyList<Guid>> blockersOf)
    {
        var parents = new Dictionary<Guid, Guid>();
        var stack = new Stack<Guid>();
        foreach (var blocker in blockers.Distinct())
        {
            if (blocker == item) return [item, item];
            if (parents.TryAdd(blocker, item)) stack.Push(blocker);
        }
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var next in blockersOf(current))
            {
                if (next == item)
                {
                    var path = new List<Guid> { item, current };
                    for (var step = current; parents[step] != item; step = parents[step]) path.Insert(1, parents[step]);
                    path.Add(item);
                    return path;
                }
                if (parents.TryAdd(next, current)) stack.Push(next);
            }
        }
        return null;
    }
}
