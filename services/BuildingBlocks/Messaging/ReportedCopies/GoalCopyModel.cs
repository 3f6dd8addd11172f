using Microsoft.EntityFrameworkCore;

namespace Lodestar.Messaging.ReportedCopies;

/// <summary>The <c>goals</c> table of a service that keeps <see cref="GoalCopy"/> rows.</summary>
public static class GoalCopyModel
{
    public static ModelBuilder AddGoalCopies(this ModelBuilder modelBuilder) => modelBuilder.Entity<GoalCopy>(goal =>
    {
        goal.ToTable("goals");
        goal.Property(g => g.Title).HasMaxLength(GoalCopy.MaxTitle);
        goal.Property(g => g.Status).HasMaxLength(GoalCopy.MaxStatus);
    });
}
