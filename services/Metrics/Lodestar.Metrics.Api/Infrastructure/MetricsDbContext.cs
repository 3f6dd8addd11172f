using Lodestar.Messaging;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Products;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

public class MetricsDbContext(DbContextOptions options, IWorkspaceContext workspace) : ServiceDbContext(options, workspace)
{
    public DbSet<MetricsProduct> Products => Set<MetricsProduct>();

    /// <summary>Not workspace-filtered (high volume, no audit fields): always query by a product found in the workspace.</summary>
    public DbSet<TrackedEvent> Events => Set<TrackedEvent>();

    /// <summary>Not workspace-filtered: always query by a product found in the workspace.</summary>
    public DbSet<ProductUser> Users => Set<ProductUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MetricsProduct>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.DisplayName).HasMaxLength(200);
        });
        modelBuilder.Entity<TrackedEvent>(tracked =>
        {
            tracked.ToTable("events");
            tracked.Property(e => e.EventKey).HasMaxLength(EventRules.MaxEventKey);
            tracked.Property(e => e.EventName).HasMaxLength(EventRules.MaxEventName);
            tracked.HasIndex(e => new { e.ProductId, e.EventKey }).IsUnique();
            // Funnels, experiments and per-event queries read one product's events by name and time.
            tracked.HasIndex(e => new { e.ProductId, e.EventName, e.Time });
        });
        modelBuilder.Entity<ProductUser>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => new { u.ProductId, u.UserIndex });
            user.Property(u => u.DistinctId).HasMaxLength(EventRules.MaxIdentity + 2);
            user.HasIndex(u => new { u.ProductId, u.DistinctId }).IsUnique();
            user.HasIndex(u => new { u.ProductId, u.Revision });
        });
        modelBuilder.AddIntegrationEventTables();
        base.OnModelCreating(modelBuilder);
    }
}
