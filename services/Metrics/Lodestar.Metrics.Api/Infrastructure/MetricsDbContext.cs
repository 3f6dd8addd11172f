using Lodestar.Messaging;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Domain.Funnels;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Domain.Surveys;
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

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<Experiment> Experiments => Set<Experiment>();

    /// <summary>Not workspace-filtered: always query by an experiment found in the workspace.</summary>
    public DbSet<Exposure> Exposures => Set<Exposure>();

    public DbSet<Funnel> Funnels => Set<Funnel>();

    /// <summary>Not workspace-filtered: always query by a product found in the workspace.</summary>
    public DbSet<MetricValue> MetricValues => Set<MetricValue>();

    /// <summary>Not workspace-filtered: always query by a product found in the workspace.</summary>
    public DbSet<MetricDayValue> MetricDayValues => Set<MetricDayValue>();

    public DbSet<ReleaseMarker> ReleaseMarkers => Set<ReleaseMarker>();

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
        modelBuilder.Entity<Survey>(survey =>
        {
            survey.ToTable("surveys");
            survey.Property(s => s.DisplayName).HasMaxLength(Survey.MaxDisplayName);
            survey.Property(s => s.Question).HasMaxLength(Survey.MaxQuestion);
            survey.HasOne<MetricsProduct>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SurveyAnswer>(answer =>
        {
            answer.ToTable("survey_responses");
            answer.Property(a => a.ResponseKey).HasMaxLength(SurveyAnswer.MaxResponseId);
            answer.Property(a => a.RespondentId).HasMaxLength(SurveyAnswer.MaxRespondent);
            answer.Property(a => a.Comment).HasMaxLength(SurveyAnswer.MaxComment);
            answer.HasOne<Survey>().WithMany().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.Cascade);
            answer.HasIndex(a => new { a.SurveyId, a.ResponseKey }).IsUnique();
            answer.HasIndex(a => new { a.SurveyId, a.RespondedAt });
        });
        modelBuilder.Entity<Experiment>(experiment =>
        {
            experiment.ToTable("experiments");
            experiment.Property(e => e.Key).HasMaxLength(64);
            experiment.Property(e => e.DisplayName).HasMaxLength(Experiment.MaxDisplayName);
            experiment.Property(e => e.Description).HasMaxLength(Experiment.MaxDescription);
            experiment.Property(e => e.ConversionEvent).HasMaxLength(EventRules.MaxEventName);
            experiment.Property(e => e.ConclusionReason).HasMaxLength(Experiment.MaxReason);
            experiment.Property(e => e.Variants).HasConversion(JsonColumn.Converter<List<ExperimentVariant>>(), JsonColumn.Comparer<ExperimentVariant>());
            experiment.Property(e => e.Guardrails).HasConversion(JsonColumn.Converter<List<ExperimentGuardrail>>(), JsonColumn.Comparer<ExperimentGuardrail>());
            experiment.Property(e => e.BestSequentialPValues)
                .HasConversion(JsonColumn.Converter<Dictionary<string, double>>(), JsonColumn.SerializedComparer<Dictionary<string, double>>());
            experiment.Ignore(e => e.Control);
            experiment.Ignore(e => e.PlannedUsersPerVariant);
            experiment.Ignore(e => e.MixingVariance);
            experiment.HasOne<MetricsProduct>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Cascade);
            experiment.HasIndex(e => new { e.ProductId, e.Key }).IsUnique();
            experiment.HasIndex(e => e.State);
        });
        modelBuilder.Entity<Exposure>(exposure =>
        {
            exposure.ToTable("exposures");
            exposure.HasKey(x => new { x.ExperimentId, x.DistinctId });
            exposure.Property(x => x.DistinctId).HasMaxLength(EventRules.MaxIdentity + 2);
            exposure.Property(x => x.Variant).HasMaxLength(64);
            exposure.HasOne<Experiment>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Funnel>(funnel =>
        {
            funnel.ToTable("funnels");
            funnel.Property(f => f.DisplayName).HasMaxLength(Funnel.MaxDisplayName);
            funnel.Property(f => f.Steps).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<string>());
            funnel.Ignore(f => f.MetricKey);
            funnel.HasOne<MetricsProduct>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MetricValue>(value =>
        {
            value.ToTable("metric_values");
            value.HasKey(v => new { v.ProductId, v.MetricKey });
            value.Property(v => v.MetricKey).HasMaxLength(120);
        });
        modelBuilder.Entity<MetricDayValue>(value =>
        {
            value.ToTable("metric_day_values");
            value.HasKey(v => new { v.ProductId, v.MetricKey, v.Day });
            value.Property(v => v.MetricKey).HasMaxLength(120);
        });
        modelBuilder.Entity<ReleaseMarker>(marker =>
        {
            marker.ToTable("release_markers");
            marker.Property(m => m.Title).HasMaxLength(500);
            marker.Property(m => m.HypothesisIds).HasConversion(JsonColumn.Converter<List<Guid>>(), JsonColumn.Comparer<Guid>());
            marker.HasIndex(m => new { m.ProductId, m.ShippedAt });
        });
        modelBuilder.AddIntegrationEventTables();
        base.OnModelCreating(modelBuilder);
    }
}
