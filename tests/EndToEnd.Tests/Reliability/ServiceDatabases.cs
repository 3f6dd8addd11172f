using Npgsql;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// Reads the services' own PostgreSQL databases, where the fault suite counts effects: rows, outbox events and inbox
/// entries of one workspace, as the services stored them (not as their APIs report them).
/// </summary>
public sealed class ServiceDatabases(string postgres)
{
    /// <summary>Rows of <paramref name="table"/> in <paramref name="workspace"/>.</summary>
    public async Task<long> CountAsync(string service, string table, Guid workspace)
    {
        await using var connection = await OpenAsync(service);
        await using var command = new NpgsqlCommand($"""select count(*) from "{table}" where "WorkspaceId" = @workspace""", connection);
        command.Parameters.AddWithValue("workspace", workspace);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>(Id, DisplayName) of the products <paramref name="service"/> holds for <paramref name="workspace"/>.</summary>
    public async Task<Dictionary<Guid, string>> ProductNamesAsync(string service, Guid workspace)
    {
        await using var connection = await OpenAsync(service);
        await using var command = new NpgsqlCommand("""select "Id", "DisplayName" from products where "WorkspaceId" = @workspace""", connection);
        command.Parameters.AddWithValue("workspace", workspace);
        var names = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) names[reader.GetGuid(0)] = reader.GetString(1);
        return names;
    }

    /// <summary>Ids of the rows of <paramref name="table"/> in <paramref name="workspace"/>.</summary>
    public async Task<HashSet<Guid>> IdsAsync(string service, string table, Guid workspace)
    {
        await using var connection = await OpenAsync(service);
        await using var command = new NpgsqlCommand($"""select "Id" from "{table}" where "WorkspaceId" = @workspace""", connection);
        command.Parameters.AddWithValue("workspace", workspace);
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    public async Task<List<OutboxRow>> OutboxAsync(string service, Guid workspace)
    {
        await using var connection = await OpenAsync(service);
        await using var command = new NpgsqlCommand(
            """select "EventId", "EventType", "Payload", "DispatchedAt" from outbox_messages where "WorkspaceId" = @workspace order by "Id" """, connection);
        command.Parameters.AddWithValue("workspace", workspace);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows.Add(new OutboxRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
        return rows;
    }

    /// <summary>How many of <paramref name="eventIds"/> each consumer of <paramref name="service"/> has in its inbox.</summary>
    public async Task<Dictionary<string, long>> InboxAsync(string service, IEnumerable<Guid> eventIds)
    {
        await using var connection = await OpenAsync(service);
        await using var command = new NpgsqlCommand(
            """select "Consumer", count(*) from inbox_messages where "EventId" = any(@ids) group by "Consumer" """, connection);
        command.Parameters.AddWithValue("ids", eventIds.ToArray());
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) counts[reader.GetString(0)[(reader.GetString(0).LastIndexOf('.') + 1)..]] = reader.GetInt64(1);
        return counts;
    }

    private async Task<NpgsqlConnection> OpenAsync(string service)
    {
        // Pooling off: these connections must not outlive a PostgreSQL restart the test causes.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = service, Pooling = false, Timeout = 5 }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
