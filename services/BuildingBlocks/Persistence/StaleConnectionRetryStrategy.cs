using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Lodestar.Persistence;

/// <summary>
/// Retries a query or a SaveChanges at once, up to twice, when PostgreSQL reports a transient failure: after a restart of
/// the database every pooled connection is dead, and Npgsql only learns it (and clears the pool) when one is used, so
/// without this the first calls after the database is back would fail. A down database still fails in well under
/// a second (UNAVAILABLE): the retries refuse as fast as the first attempt. Work inside a transaction the code began itself is not retried: it runs as written, and
/// the failure reaches the caller, whose transaction rolled back.
/// </summary>
public sealed class StaleConnectionRetryStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 2, maxRetryDelay: TimeSpan.FromMilliseconds(100), errorCodesToAdd: null)
{
    /// <summary>The base refuses to start inside a transaction the code began; here such work simply runs unretried.</summary>
    protected override void OnFirstExecution() => ExceptionsEncountered.Clear();

    protected override bool ShouldRetryOn(Exception? exception) => !InOwnTransaction && base.ShouldRetryOn(exception);

    private bool InOwnTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
}
