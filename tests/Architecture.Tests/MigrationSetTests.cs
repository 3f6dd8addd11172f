using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Architecture.Tests;

/// <summary>
/// Each service keeps one migration set per database provider (ADR 0004, ADR 0024): both sets must describe the model
/// the code has, so a change migrated for one provider only, or not at all, fails here rather than at a deployment.
/// </summary>
public sealed class MigrationSetTests
{
    public static TheoryData<string> Contexts => [.. Factories().Keys];

    [Theory, MemberData(nameof(Contexts))]
    public void The_migrations_of_every_provider_match_the_model(string context)
    {
        using var db = Factories()[context].CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), $"{context}: the model has changes its migrations lack; run scripts/add-migration");
    }

    [Fact]
    public void Every_service_has_a_migration_set_for_each_provider() =>
        Assert.Equal(
            ["PostgresBacklogDbContext", "PostgresDiscoveryDbContext", "PostgresMetricsDbContext", "PostgresStrategyDbContext",
             "SqliteBacklogDbContext", "SqliteDiscoveryDbContext", "SqliteMetricsDbContext", "SqliteStrategyDbContext"],
            Factories().Keys.Order(StringComparer.Ordinal));

    /// <summary>The design-time factories (what <c>dotnet ef</c> builds each provider's context with), by context name.</summary>
    private static Dictionary<string, IDesignTimeDbContextFactory<DbContext>> Factories() =>
        new[] { "Backlog", "Discovery", "Metrics", "Strategy" }
            .SelectMany(service => Assembly.Load($"Lodestar.{service}.Api").GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .ToDictionary(t => t.DeclaringType!.Name, t => (IDesignTimeDbContextFactory<DbContext>)Activator.CreateInstance(t)!, StringComparer.Ordinal);
}
