using Microsoft.EntityFrameworkCore;

namespace Lodestar.Persistence;

/// <summary>
/// SQLite plans without statistics unless told, and then takes the tenant index (WorkspaceId, on every table) for as
/// selective as a product's: a product-scoped query read every row of the workspace (30 ms per call at 100,000 items).
/// Fixed statistics say what the tenant index is, one workspace to many rows, so the planner prefers any index that
/// names more, and still uses it where nothing else applies. Written after each migration, as SQLite allows.
/// </summary>
internal static class SqliteTenantIndexStatistics
{
    // "rows, rows per distinct key": ten workspaces of 100,000 rows; only the ratio to other indexes' defaults matters.
    private const string TenantIndexStat = "1000000 100000";

    public static async Task WriteAsync(DbContext context, CancellationToken cancellationToken)
    {
        var tenantIndexes = context.Model.GetEntityTypes()
            .Where(t => typeof(WorkspaceEntity).IsAssignableFrom(t.ClrType) && t.GetTableName() is not null)
            .SelectMany(t => t.GetIndexes()
                .Where(i => i.Properties is [{ Name: nameof(WorkspaceEntity.WorkspaceId) }])
                .Select(i => (Table: t.GetTableName()!, Index: i.GetDatabaseName()!)))
            .Distinct()
            .ToList();
        if (tenantIndexes.Count == 0) return;
        await context.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema", cancellationToken); // creates sqlite_stat1
        foreach (var (table, index) in tenantIndexes)
        {
            await context.Database.ExecuteSqlAsync($"DELETE FROM sqlite_stat1 WHERE tbl = {table} AND idx = {index}", cancellationToken);
            await context.Database.ExecuteSqlAsync($"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ({table}, {index}, {TenantIndexStat})", cancellationToken);
        }
        await context.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema", cancellationToken); // loads them
    }
}
