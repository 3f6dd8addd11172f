using System.Linq.Expressions;
using Lodestar.Errors;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lodestar.Persistence;

/// <summary>
/// Base of each service's DbContext. Every <see cref="WorkspaceEntity"/> is filtered by the current workspace in every
/// query (no query can forget it; outside a workspace queries match nothing), stamped with the workspace, creator and
/// times on save, versioned for etags, and written only by editors and admins.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options, IWorkspaceContext workspace) : DbContext(options)
{
    /// <summary>Read by the query filters; EF evaluates it per context instance.</summary>
    public Guid CurrentWorkspaceId => workspace.WorkspaceId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(WorkspaceEntity).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.Property(nameof(WorkspaceEntity.Version)).IsConcurrencyToken();
            entity.HasIndex(nameof(WorkspaceEntity.WorkspaceId));
            entity.Ignore(nameof(WorkspaceEntity.ETag));
            entity.HasQueryFilter(WorkspaceFilter(entityType.ClrType));
        }
    }

    private LambdaExpression WorkspaceFilter(Type clrType)
    {
        var parameter = Expression.Parameter(clrType, "e");
        var body = Expression.Equal(
            Expression.Property(parameter, nameof(WorkspaceEntity.WorkspaceId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentWorkspaceId)));
        return Expression.Lambda(body, parameter);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampWorkspaceEntities();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // A delete the client did not make conditional on an etag proceeds whatever changed the row meanwhile.
                if (attempt < MaxUnconditionalDeleteAttempts && await ForgetVersionsOfUnconditionalDeletesAsync(ex, cancellationToken)) continue;
                throw new EtagMismatchException("The resource was changed by someone else: read it again and retry.", ex);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                var entry = ex.Entries.Count > 0 ? ex.Entries[0] : null;
                throw new AlreadyExistsException(entry?.Metadata.ClrType.Name ?? "Resource", (entry?.Entity as WorkspaceEntity)?.Id.ToString() ?? "");
            }
        }
    }

    private const int MaxUnconditionalDeleteAttempts = 3;

    private readonly HashSet<WorkspaceEntity> conditionalOnETag = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// When only deletes without an etag conflicted, takes the row's current version (or drops the delete of a row
    /// already gone) so the save can be tried again; false when any conflict was an update or an etag-conditional delete.
    /// </summary>
    private async Task<bool> ForgetVersionsOfUnconditionalDeletesAsync(DbUpdateConcurrencyException ex, CancellationToken cancellationToken)
    {
        if (ex.Entries.Any(e => e.State != EntityState.Deleted || e.Entity is not WorkspaceEntity entity || conditionalOnETag.Contains(entity)))
            return false;
        foreach (var entry in ex.Entries)
        {
            var current = await entry.GetDatabaseValuesAsync(cancellationToken);
            if (current is null) entry.State = EntityState.Detached;
            else entry.OriginalValues.SetValues(current);
        }
        return true;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: synchronous database I/O blocks request threads.");

    /// <summary>Makes the next save of <paramref name="entity"/> conditional on the etag the client sent.</summary>
    public void ExpectETag(WorkspaceEntity entity, string? etag, string field = "etag")
    {
        if (string.IsNullOrEmpty(etag)) return;
        var expected = ETag.Parse(etag, field);
        if (expected != entity.Version)
            throw new EtagMismatchException(entity.GetType().Name, entity.Id.ToString());
        Entry(entity).Property(e => e.Version).OriginalValue = expected;
        conditionalOnETag.Add(entity);
    }

    private void StampWorkspaceEntities()
    {
        var now = StoredTime.Now;
        foreach (var entry in ChangeTracker.Entries<WorkspaceEntity>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            workspace.Require(WorkspaceRole.Editor);
            var current = workspace.WorkspaceId!.Value;
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.WorkspaceId = current;
                    entry.Entity.Version = 1;
                    entry.Entity.CreateTime = now;
                    entry.Entity.UpdateTime = now;
                    entry.Entity.Creator = workspace.Subject;
                    break;
                case EntityState.Modified:
                    EnsureSameWorkspace(entry, current);
                    entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                    entry.Entity.UpdateTime = now;
                    break;
                case EntityState.Deleted:
                    EnsureSameWorkspace(entry, current);
                    break;
            }
        }
    }

    private static void EnsureSameWorkspace(EntityEntry<WorkspaceEntity> entry, Guid current)
    {
        if (entry.Property(e => e.WorkspaceId).OriginalValue != current || entry.Entity.WorkspaceId != current)
            throw new PermissionDeniedException("ERROR_REASON_WORKSPACE_ACCESS_DENIED", "A record of another workspace cannot be changed.");
    }
}
