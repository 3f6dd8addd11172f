using Lodestar.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace BuildingBlocks.UnitTests;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings For(params (string Key, string Value)[] settings) =>
        DatabaseSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            new Environment(Path.GetTempPath()),
            "backlog");

    [Fact]
    public void Without_a_connection_string_the_service_uses_a_sqlite_file_in_its_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lodestar-unit-" + Guid.NewGuid().ToString("N"));
        var settings = For(("Lodestar:DataPath", folder));
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal($"Data Source={Path.Combine(folder, "backlog.db")}", settings.ConnectionString);
        Directory.Delete(folder);
    }

    [Fact]
    public void A_postgres_connection_string_selects_npgsql() =>
        Assert.Equal(DatabaseProvider.Postgres, For(("ConnectionStrings:backlogdb", "Host=db;Database=backlog")).Provider);

    [Fact]
    public void An_explicit_sqlite_connection_string_selects_sqlite() =>
        Assert.Equal(DatabaseProvider.Sqlite, For(("ConnectionStrings:backlogdb", "Data Source=/tmp/x.db")).Provider);

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
