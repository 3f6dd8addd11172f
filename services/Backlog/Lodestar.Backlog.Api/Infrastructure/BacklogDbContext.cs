using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Lodestar.Messaging.ReportedCopies;

namespace Lodestar.Backlog.Infrastructure;

public class BacklogDbContext(DbContextOptions options, IWorkspaceContext workspace) : ServiceDbContext(options, workspace)
{
    public DbSet<BacklogProduct> Products => Set<BacklogProduct>();

    public DbSet<BacklogItem> Items => Set<BacklogItem>();

    public DbSet<ProblemEvidence> ProblemEvidence => Set<ProblemEvidence>();

    public DbSet<HypothesisState> HypothesisStates => Set<HypothesisState>();

    public DbSet<GoalCopy> Goals => Set<GoalCopy>();

    public DbSet<Sprint> Sprints => Set<Sprint>();

    public DbSet<SprintItem> SprintItems => Set<SprintItem>();

    /// <summary>Every save tells strategy's roadmap of the items it created, deleted or changed (see <see cref="DeliveryAnnouncements"/>).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        this.AnnounceDeliveryChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BacklogProduct>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.DisplayName).HasMaxLength(200);
            product.Property(p => p.Criteria).HasConversion(JsonColumn.Converter<List<Criterion>>(), JsonColumn.Comparer<Criterion>());
            product.Ignore(p => p.Scoring);
        });
        modelBuilder.Entity<BacklogItem>(item =>
        {
            item.ToTable("items");
            item.Property(i => i.Title).HasMaxLength(BacklogItem.MaxTitle);
            item.Property(i => i.Description).HasMaxLength(BacklogItem.MaxDescription);
            item.Property(i => i.ExternalKey).HasMaxLength(BacklogItem.MaxExternalKey);
            item.Property(i => i.Rank).HasMaxLength(100);
            item.Property(i => i.Inputs).HasConversion(JsonColumn.Converter<PriorityInputs>(), JsonColumn.SerializedComparer<PriorityInputs>());
            item.OwnsOne(i => i.LastRescore, rescore => rescore.ToJson());
            item.HasOne<BacklogProduct>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
            item.HasIndex(i => new { i.ProductId, i.Rank, i.Id });
            item.HasIndex(i => new { i.ProductId, i.RankingScore });
            item.HasIndex(i => new { i.ProductId, i.ExternalKey }).IsUnique();
            item.HasIndex(i => i.ParentId);
            item.HasIndex(i => i.SprintId);
            item.HasIndex(i => i.CreateTime);
        });
        modelBuilder.Entity<ProblemEvidence>(evidence => evidence.ToTable("problem_evidence"));
        modelBuilder.Entity<HypothesisState>(hypothesis =>
        {
            hypothesis.ToTable("hypothesis_states");
            hypothesis.Property(h => h.Status).HasMaxLength(40);
        });
        modelBuilder.AddGoalCopies();
        modelBuilder.Entity<Sprint>(sprint =>
        {
            sprint.ToTable("sprints");
            sprint.Property(s => s.DisplayName).HasMaxLength(Sprint.MaxDisplayName);
            sprint.Property(s => s.Goal).HasMaxLength(Sprint.MaxGoal);
            sprint.Property(s => s.ReviewNotes).HasMaxLength(Sprint.MaxReviewNotes);
            sprint.Property(s => s.Retrospective).HasConversion(JsonColumn.Converter<Retrospective>(), JsonColumn.SerializedComparer<Retrospective>());
            sprint.HasOne<BacklogProduct>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
            sprint.HasIndex(s => new { s.ProductId, s.StartDate });
        });
        modelBuilder.Entity<SprintItem>(item =>
        {
            item.ToTable("sprint_items");
            item.HasOne<Sprint>().WithMany().HasForeignKey(i => i.SprintId).OnDelete(DeleteBehavior.Cascade);
            item.HasIndex(i => new { i.SprintId, i.ItemId });
        });
        modelBuilder.AddIntegrationEventTables();
        base.OnModelCreating(modelBuilder);
    }
}
