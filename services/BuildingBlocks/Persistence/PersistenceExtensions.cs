using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lodestar.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the provider its connection string names. Each provider has its own
    /// migrations, kept on a subclass of the context (<typeparamref name="TSqlite"/>, <typeparamref name="TPostgres"/>)
    /// so EF never mixes them. Adds a readiness health check of the database.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : ServiceDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment, serviceName);
        builder.Services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
            builder.Services.AddDbContext<TContext, TPostgres>((sp, options) => Configure(sp, options, settings));
        else
            builder.Services.AddDbContext<TContext, TSqlite>((sp, options) => Configure(sp, options, settings));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{serviceName}db", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies the provider and every registered EF interceptor (e.g. the outbox signal).</summary>
    public static void Configure(IServiceProvider services, DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        _ = settings.Provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.ExecutionStrategy(dependencies => new StaleConnectionRetryStrategy(dependencies)))
            : options.UseSqlite(settings.ConnectionString);
        options.AddInterceptors(services.GetServices<IInterceptor>());
    }

    /// <summary>
    /// Applies pending migrations, unless <c>Database:MigrateOnStartup</c> is false (a cluster runs them as a job).
    /// Returns false when <c>Database:MigrateOnly</c> is true: the process migrates and exits, which is how that job
    /// runs the service's own image (<c>Database__MigrateOnly=true</c>).
    /// </summary>
    public static async Task<bool> MigrateDatabaseAsync<TContext>(this IHost host, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var migrateOnly = configuration.GetValue("Database:MigrateOnly", false);
        if (!migrateOnly && !configuration.GetValue("Database:MigrateOnStartup", true)) return true;
        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Lodestar.Persistence.Migrations");
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        await context.Database.MigrateAsync(cancellationToken);
        if (context.Database.IsSqlite()) await SqliteTenantIndexStatistics.WriteAsync(context, cancellationToken);
        if (migrateOnly) logger.LogInformation("Database migrated; exiting as Database:MigrateOnly asks");
        return !migrateOnly;
    }
}
