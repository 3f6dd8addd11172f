namespace Lodestar.Persistence;

/// <summary>The database engine behind a service, chosen by its connection string.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
