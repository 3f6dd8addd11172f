using Lodestar.Errors;

namespace Lodestar.Persistence;

/// <summary>
/// Runs a load-change-save again on fresh rows when another writer changed them in between (a consumer recording what
/// another service reported, say). A request that names an etag still fails when its etag no longer matches: each
/// attempt checks it against the fresh row.
/// </summary>
public static class ConflictRetry
{
    public const int MaxAttempts = 3;

    public static async Task<T> RetryOnConflictAsync<T>(this ServiceDbContext db, Func<Task<T>> attempt)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await attempt();
            }
            catch (EtagMismatchException) when (tried < MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
