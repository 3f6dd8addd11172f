using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

public class StrategyDbContext(DbContextOptions options, IWorkspaceContext workspace) : ServiceDbContext(options, workspace)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<StageReview> StageReviews => Set<StageReview>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.DisplayName).HasMaxLength(Product.MaxDisplayName);
            product.Property(p => p.Description).HasMaxLength(Product.MaxDescription);
            product.HasIndex(p => new { p.WorkspaceId, p.DisplayName }).IsUnique();
        });
        modelBuilder.Entity<StageReview>(review =>
        {
            review.ToTable("stage_reviews");
            review.Property(r => r.Rationale).HasMaxLength(Product.MaxRationale);
            review.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
            review.HasIndex(r => new { r.ProductId, r.CreateTime });
        });
        modelBuilder.AddIntegrationEventTables();
        base.OnModelCreating(modelBuilder);
    }
}
