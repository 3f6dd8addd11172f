using Microsoft.EntityFrameworkCore;

namespace Lodestar.Persistence;

/// <summary>Applies other services' reports to local copies in the order they happened, whatever order they arrive in.</summary>
public static class ReportedCopies
{
    /// <summary>
    /// The copy of <paramref name="id"/> to update with a report made at <paramref name="at"/>: the stored one, or a new
    /// one when there is none; null when the stored copy holds a newer report (the caller then changes nothing).
    /// </summary>
    public static async Task<T?> ForReportAsync<T>(this DbSet<T> copies, Guid id, DateTime at, CancellationToken cancellationToken)
        where T : WorkspaceEntity, IReportedCopy, new()
    {
        var copy = await copies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (copy is null)
            copies.Add(copy = new T { Id = id });
        else if (copy.ReportedAt > at)
            return null;
        copy.ReportedAt = at;
        return copy;
    }
}
