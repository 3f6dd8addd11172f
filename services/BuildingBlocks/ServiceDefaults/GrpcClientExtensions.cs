using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.ServiceDefaults;

public static class GrpcClientExtensions
{
    /// <summary>
    /// A typed gRPC client for another Lodestar service, addressed through service discovery
    /// (services__{service}__grpc__0), with a default deadline and gRPC's own retry policy for UNAVAILABLE. The HTTP
    /// resilience handler is deliberately not used: it buffers and breaks streaming calls.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName, TimeSpan? deadline = null)
        where TClient : ClientBase<TClient>
    {
        var timeout = deadline ?? TimeSpan.FromSeconds(5);
        return services
            .AddGrpcClient<TClient>(options => options.Address = new Uri($"http://_{LodestarResources.GrpcEndpoint}.{serviceName}"))
            .AddInterceptor(() => new DeadlineInterceptor(timeout))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig { MethodConfigs = { RetryOnUnavailable } })
            .AddServiceDiscovery();
    }

    /// <summary>Retries UNAVAILABLE (connection refused, server restarting) up to 4 attempts, within the call's deadline.</summary>
    public static MethodConfig RetryOnUnavailable { get; } = new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };
}
