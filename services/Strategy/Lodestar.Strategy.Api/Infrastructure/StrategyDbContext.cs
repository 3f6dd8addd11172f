using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Competitors;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Domain.Kpis;
using Lodestar.Strategy.Domain.Products;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Domain.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

public class StrategyDbContext(DbContextOptions options, IWorkspaceContext workspace) : ServiceDbContext(options, workspace)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<StageReview> StageReviews => Set<StageReview>();

    public DbSet<ActivityPoint> ActivityPoints => Set<ActivityPoint>();

    public DbSet<Positioning> Positionings => Set<Positioning>();

    public DbSet<Competitor> Competitors => Set<Competitor>();

    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Initiative> Initiatives => Set<Initiative>();

    public DbSet<ShippedItem> ShippedItems => Set<ShippedItem>();

    public DbSet<SprintRecord> SprintRecords => Set<SprintRecord>();

    public DbSet<DeliveryItem> DeliveryItems => Set<DeliveryItem>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<KpiValue> KpiValues => Set<KpiValue>();

    public DbSet<MetricReading> MetricReadings => Set<MetricReading>();

    public DbSet<ProductMetric> ProductMetrics => Set<ProductMetric>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<KeyResult> KeyResults => Set<KeyResult>();

    public DbSet<HypothesisState> HypothesisStates => Set<HypothesisState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.DisplayName).HasMaxLength(Product.MaxDisplayName);
            product.Property(p => p.Description).HasMaxLength(Product.MaxDescription);
            product.Property(p => p.StageMetricKey).HasMaxLength(100);
            product.HasIndex(p => new { p.WorkspaceId, p.DisplayName }).IsUnique();
        });
        modelBuilder.Entity<StageReview>(review =>
        {
            review.ToTable("stage_reviews");
            review.Property(r => r.Rationale).HasMaxLength(Product.MaxRationale);
            review.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
            review.HasIndex(r => new { r.ProductId, r.CreateTime });
        });
        modelBuilder.Entity<ActivityPoint>(point =>
        {
            point.ToTable("activity_points");
            point.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
            point.Property(p => p.MetricKey).HasMaxLength(100);
            point.HasIndex(p => new { p.ProductId, p.MetricKey, p.Date }).IsUnique();
        });
        modelBuilder.Entity<Positioning>(positioning =>
        {
            positioning.ToTable("positionings");
            positioning.Property(p => p.Vision).HasMaxLength(Positioning.MaxVision);
            positioning.HasOne<Product>().WithOne().HasForeignKey<Positioning>(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Competitor>(competitor =>
        {
            competitor.ToTable("competitors");
            competitor.Property(c => c.DisplayName).HasMaxLength(Competitor.MaxDisplayName);
            competitor.Property(c => c.Differentiation).HasMaxLength(Competitor.MaxDifferentiation);
            competitor.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
            competitor.HasIndex(c => new { c.ProductId, c.DisplayName }).IsUnique();
        });
        modelBuilder.Entity<Stakeholder>(stakeholder =>
        {
            stakeholder.ToTable("stakeholders");
            stakeholder.Property(s => s.DisplayName).HasMaxLength(Stakeholder.MaxName);
            stakeholder.Property(s => s.Title).HasMaxLength(Stakeholder.MaxName);
            stakeholder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Decision>(decision =>
        {
            decision.ToTable("decisions");
            decision.Property(d => d.Title).HasMaxLength(Decision.MaxTitle);
            decision.HasOne<Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Cascade);
            decision.HasIndex(d => d.DecideDate);
        });
        modelBuilder.Entity<Initiative>(initiative =>
        {
            initiative.ToTable("initiatives");
            initiative.Property(i => i.Title).HasMaxLength(Initiative.MaxTitle);
            initiative.Property(i => i.Description).HasMaxLength(Initiative.MaxDescription);
            initiative.Property(i => i.Milestones).HasConversion(JsonColumn.Converter<List<Milestone>>(), JsonColumn.Comparer<Milestone>());
            initiative.Ignore(i => i.Quarter);
            initiative.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ShippedItem>(item =>
        {
            item.ToTable("shipped_items");
            item.HasIndex(i => new { i.WorkspaceId, i.ItemId }).IsUnique();
        });
        modelBuilder.Entity<DeliveryItem>(item =>
        {
            item.ToTable("delivery_items");
            item.Property(i => i.Title).HasMaxLength(DeliveryItem.MaxTitle);
            item.Property(i => i.Status).HasMaxLength(20);
            item.HasIndex(i => new { i.WorkspaceId, i.ItemId }).IsUnique();
        });
        modelBuilder.Entity<SprintRecord>(sprint =>
        {
            sprint.ToTable("sprint_records");
            sprint.HasIndex(s => new { s.WorkspaceId, s.SprintId }).IsUnique();
            sprint.HasIndex(s => new { s.ProductId, s.CompletedAt });
        });
        modelBuilder.Entity<Kpi>(kpi =>
        {
            kpi.ToTable("kpis");
            kpi.Property(k => k.DisplayName).HasMaxLength(Kpi.MaxDisplayName);
            kpi.Property(k => k.MetricKey).HasMaxLength(100);
            kpi.Property(k => k.StatusReason).HasMaxLength(500);
            kpi.HasOne<Product>().WithMany().HasForeignKey(k => k.ProductId).OnDelete(DeleteBehavior.Cascade);
            kpi.HasIndex(k => new { k.ProductId, k.MetricKey }).IsUnique();
        });
        modelBuilder.Entity<KpiValue>(value =>
        {
            value.ToTable("kpi_values");
            value.HasOne<Kpi>().WithMany().HasForeignKey(v => v.KpiId).OnDelete(DeleteBehavior.Cascade);
            value.HasIndex(v => new { v.KpiId, v.MeasureTime });
            value.HasIndex(v => new { v.KpiId, v.Date }).IsUnique();
        });
        modelBuilder.Entity<MetricReading>(reading =>
        {
            reading.ToTable("metric_readings");
            reading.Property(r => r.MetricKey).HasMaxLength(100);
            reading.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
            reading.HasIndex(r => new { r.ProductId, r.MetricKey }).IsUnique();
        });
        modelBuilder.Entity<ProductMetric>(metric =>
        {
            metric.ToTable("product_metrics");
            metric.Property(m => m.MetricKey).HasMaxLength(100);
            metric.Property(m => m.DisplayName).HasMaxLength(ProductMetric.MaxDisplayName);
            metric.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
            metric.HasIndex(m => new { m.ProductId, m.MetricKey }).IsUnique();
        });
        modelBuilder.Entity<Goal>(goal =>
        {
            goal.ToTable("goals");
            goal.Property(g => g.Title).HasMaxLength(Goal.MaxTitle);
            goal.Property(g => g.Description).HasMaxLength(Goal.MaxDescription);
            goal.Property(g => g.Owner).HasMaxLength(Goal.MaxOwner);
            goal.HasOne<Product>().WithMany().HasForeignKey(g => g.ProductId).OnDelete(DeleteBehavior.Cascade);
            goal.HasIndex(g => new { g.ProductId, g.PeriodStart });
        });
        modelBuilder.Entity<HypothesisState>(hypothesis =>
        {
            hypothesis.ToTable("hypothesis_states");
            hypothesis.Property(h => h.Status).HasMaxLength(40);
            hypothesis.Property(h => h.MetricKey).HasMaxLength(100);
            hypothesis.HasIndex(h => new { h.WorkspaceId, h.HypothesisId }).IsUnique();
        });
        modelBuilder.Entity<KeyResult>(keyResult =>
        {
            keyResult.ToTable("key_results");
            keyResult.Property(k => k.Title).HasMaxLength(KeyResult.MaxTitle);
            keyResult.Property(k => k.Unit).HasMaxLength(KeyResult.MaxUnit);
            keyResult.Property(k => k.MetricKey).HasMaxLength(100);
            keyResult.Ignore(k => k.Progress);
            keyResult.Ignore(k => k.Increases);
            keyResult.HasOne<Goal>().WithMany().HasForeignKey(k => k.GoalId).OnDelete(DeleteBehavior.Cascade);
            keyResult.HasIndex(k => k.MetricKey);
        });
        modelBuilder.AddIntegrationEventTables();
        base.OnModelCreating(modelBuilder);
    }
}
