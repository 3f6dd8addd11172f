using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Resolves the item a request names, in the caller's workspace.</summary>
public static class ItemLookup
{
    /// <summary>The item "backlogItems/{id}" names; malformed is INVALID_ARGUMENT on <paramref name="field"/>, unknown NOT_FOUND.</summary>
    public static async Task<BacklogItem> FindItemAsync(this BacklogDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, BacklogNames.Items, field);
        return await db.Items.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("BacklogItem", name);
    }
}
