using Lodestar.Gateway.Routing;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lodestar.Gateway.Health;

/// <summary>A backend's readiness: its own <c>/health</c> answered "Healthy" within the timeout.</summary>
public sealed class BackendHealthCheck(IHttpClientFactory clients, Backend backend) : IHealthCheck
{
    public const string ClientName = "backend-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var http = clients.CreateClient(ClientName);
        try
        {
            using var response = await http.GetAsync(new Uri($"{backend.Address(LodestarResources.HttpEndpoint)}{ServiceDefaultsExtensions.HealthPath}"), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode ? HealthCheckResult.Healthy(body) : new HealthCheckResult(context.Registration.FailureStatus, $"{(int)response.StatusCode}: {body}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Not answering: " + ex.Message);
        }
    }
}
