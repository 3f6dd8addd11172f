using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Lodestar.Persistence;

/// <summary>
/// Which database a service uses: <c>ConnectionStrings__{service}db</c> when set (a PostgreSQL connection string, or an
/// explicit SQLite "Data Source=…"), otherwise a SQLite file in the service's data folder
/// (<c>Lodestar__DataPath</c>, default ".lodestar/data" under the content root).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment, string serviceName)
    {
        var configured = configuration.GetConnectionString($"{serviceName}db");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var sqlite = configured.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
                || configured.TrimStart().StartsWith("Filename=", StringComparison.OrdinalIgnoreCase);
            return new DatabaseSettings(sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, configured);
        }
        var dataPath = configuration["Lodestar:DataPath"] ?? Path.Combine(environment.ContentRootPath, ".lodestar", "data");
        Directory.CreateDirectory(dataPath);
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataPath, serviceName + ".db")}");
    }
}
