using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lodestar.AppHost.Infrastructure;

/// <summary>Healthy once the server answers <paramref name="probe"/> (a real protocol request) within a few seconds.</summary>
internal sealed class ProbeHealthCheck(string server, Func<CancellationToken, Task> probe) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{server} does not answer: {ex.Message}", ex);
        }
    }

    /// <summary>Registers the check with the app host and attaches it to <paramref name="resource"/>, so WaitFor waits for it.</summary>
    public static IResourceBuilder<T> Attach<T>(IResourceBuilder<T> resource, Func<CancellationToken, Task> probe) where T : IResource
    {
        var key = $"{resource.Resource.Name}-answers";
        resource.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => new ProbeHealthCheck(resource.Resource.Name, probe), failureStatus: null, tags: null));
        return resource.WithHealthCheck(key);
    }

    /// <summary>As <see cref="Attach{T}(IResourceBuilder{T}, Func{CancellationToken, Task})"/>, probing the server at its connection string.</summary>
    public static IResourceBuilder<T> Attach<T>(IResourceBuilder<T> resource, Func<string, CancellationToken, Task> probe) where T : IResourceWithConnectionString =>
        Attach(resource, async cancellationToken =>
        {
            var connectionString = await resource.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException("no connection string yet");
            await probe(connectionString, cancellationToken);
        });
}
