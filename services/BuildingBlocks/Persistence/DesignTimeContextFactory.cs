using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lodestar.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a provider's context without the service's host. Derive one per
/// provider-specific context: <c>class Factory : DesignTimeContextFactory&lt;SqliteXDbContext&gt;</c>.
/// </summary>
public abstract class DesignTimeContextFactory<TContext>(DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        _ = provider == DatabaseProvider.Postgres
            ? options.UseNpgsql("Host=localhost;Database=design_time")
            : options.UseSqlite("Data Source=design_time.db");
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options, new WorkspaceContext())!;
    }
}
