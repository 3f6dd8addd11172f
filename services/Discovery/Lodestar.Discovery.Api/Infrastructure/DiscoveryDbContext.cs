using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Domain.Personas;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Domain.Products;
using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Lodestar.Messaging.ReportedCopies;

namespace Lodestar.Discovery.Infrastructure;

public class DiscoveryDbContext(DbContextOptions options, IWorkspaceContext workspace) : ServiceDbContext(options, workspace)
{
    public DbSet<DiscoveryProduct> Products => Set<DiscoveryProduct>();

    public DbSet<Persona> Personas => Set<Persona>();

    public DbSet<Insight> Insights => Set<Insight>();

    public DbSet<ProblemInsight> ProblemInsights => Set<ProblemInsight>();

    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<Hypothesis> Hypotheses => Set<Hypothesis>();

    public DbSet<KpiBreach> KpiBreaches => Set<KpiBreach>();

    public DbSet<GoalCopy> Goals => Set<GoalCopy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DiscoveryProduct>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.DisplayName).HasMaxLength(200);
        });
        modelBuilder.Entity<Persona>(persona =>
        {
            persona.ToTable("personas");
            persona.Property(p => p.DisplayName).HasMaxLength(Persona.MaxDisplayName);
            persona.Property(p => p.Segment).HasMaxLength(Persona.MaxSegment);
            persona.HasIndex(p => new { p.WorkspaceId, p.DisplayName }).IsUnique();
        });
        modelBuilder.Entity<Insight>(insight =>
        {
            insight.ToTable("insights");
            insight.Property(i => i.Summary).HasMaxLength(Insight.MaxSummary);
            insight.Property(i => i.Quote).HasMaxLength(Insight.MaxQuote);
            insight.Property(i => i.CustomerAccountId).HasMaxLength(Insight.MaxAccountId);
            insight.Property(i => i.CustomerName).HasMaxLength(Insight.MaxCustomerName);
            insight.Property(i => i.CustomerSegment).HasMaxLength(Insight.MaxSegment);
            insight.Property(i => i.CustomerRevenueBand).HasMaxLength(Insight.MaxRevenueBand);
            insight.Property(i => i.OriginUri).HasMaxLength(Insight.MaxOriginUri);
            insight.Property(i => i.OriginId).HasMaxLength(Insight.MaxOriginId);
            insight.HasIndex(i => new { i.WorkspaceId, i.CaptureTime });
            insight.HasIndex(i => new { i.WorkspaceId, i.CustomerAccountId });
            insight.HasIndex(i => i.PersonaId);
            insight.HasIndex(i => i.ProductId);
        });
        modelBuilder.Entity<ProblemInsight>(link =>
        {
            link.ToTable("problem_insights");
            link.HasOne<Insight>().WithMany().HasForeignKey(l => l.InsightId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<Problem>().WithMany().HasForeignKey(l => l.ProblemId).OnDelete(DeleteBehavior.Cascade);
            link.HasIndex(l => new { l.ProblemId, l.InsightId }).IsUnique();
            link.HasIndex(l => l.InsightId);
        });
        modelBuilder.Entity<Problem>(problem =>
        {
            problem.ToTable("problems");
            problem.Property(p => p.Title).HasMaxLength(Problem.MaxTitle);
            problem.Property(p => p.When).HasMaxLength(Problem.MaxPart);
            problem.Property(p => p.Want).HasMaxLength(Problem.MaxPart);
            problem.Property(p => p.SoThat).HasMaxLength(Problem.MaxPart);
            problem.Ignore(p => p.Statement);
            problem.Ignore(p => p.Evidence);
            problem.HasOne<DiscoveryProduct>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
            problem.HasIndex(p => new { p.ProductId, p.WeightedScore });
        });
        modelBuilder.Entity<Hypothesis>(hypothesis =>
        {
            hypothesis.ToTable("hypotheses");
            hypothesis.Property(h => h.Change).HasMaxLength(Hypothesis.MaxText);
            hypothesis.Property(h => h.Outcome).HasMaxLength(Hypothesis.MaxText);
            hypothesis.Property(h => h.MetricKey).HasMaxLength(Hypothesis.MaxMetricKey);
            hypothesis.OwnsOne(h => h.Result, result => result.ToJson());
            hypothesis.HasOne<DiscoveryProduct>().WithMany().HasForeignKey(h => h.ProductId).OnDelete(DeleteBehavior.Cascade);
            hypothesis.HasIndex(h => h.ProblemId);
            hypothesis.HasIndex(h => h.ExperimentId);
        });
        modelBuilder.Entity<KpiBreach>(breach =>
        {
            breach.ToTable("kpi_breaches");
            breach.HasIndex(b => new { b.WorkspaceId, b.KpiId });
        });
        modelBuilder.AddGoalCopies();
        modelBuilder.AddIntegrationEventTables();
        base.OnModelCreating(modelBuilder);
    }
}
