using Lodestar.Api;
using Lodestar.Gateway.Access;
using Lodestar.Gateway.Documentation;
using Lodestar.Gateway.Grpc;
using Lodestar.Gateway.Health;
using Lodestar.Gateway.Hygiene;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Gateway.RateLimiting;
using Lodestar.Gateway.Routing;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Grpc.AspNetCore.Web;
using Grpc.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Lodestar.Gateway.Extensions;

/// <summary>All of the gateway's wiring.</summary>
public static class GatewayExtensions
{
    private static readonly TimeSpan BackendHealthTimeout = TimeSpan.FromSeconds(2);

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultEndpoints(LodestarResources.Gateway);
        builder.AddDefaultLogLevels();
        builder.AddTelemetry(LodestarResources.Gateway);
        builder.AddDefaultHealthChecks();
        builder.AddRedisIfConfigured();
        builder.Services.AddServiceDiscovery();
        builder.AddServiceDatabase<GatewayDbContext, SqliteGatewayDbContext, PostgresGatewayDbContext>(LodestarResources.Gateway);
        builder.AddEdgeHygiene();
        builder.AddEdgeAccess();
        builder.AddWorkspaceApi();
        builder.AddProxy();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors();
        // Browsers' gRPC-Web becomes gRPC here, so everything after it (and the services) sees one protocol.
        app.Use(GrpcWebText.MarkAsync);
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseMiddleware<EdgeAccessMiddleware>();
        app.UseMiddleware<GrpcRequestValidationMiddleware>();
        app.UseRequestTimeouts();
        app.UseMiddleware<StrictJsonBodyMiddleware>();
        app.MapHealthChecks(ServiceDefaultsExtensions.HealthPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapHealthChecks(ServiceDefaultsExtensions.AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapGrpcService<WorkspaceGrpcService>().WithMetadata(AccessPolicy.Authenticated);
        app.MapGrpcService<ApiKeyGrpcService>().WithMetadata(AccessPolicy.Authenticated);
        app.MapGet(OpenApiDocumentEndpoint.Path, OpenApiDocumentEndpoint.WriteAsync);
        // The reference page asks for the document relative to itself.
        app.MapGet(OpenApiDocumentEndpoint.ReferencePath + OpenApiDocumentEndpoint.Path, OpenApiDocumentEndpoint.WriteAsync);
        app.MapScalarApiReference(OpenApiDocumentEndpoint.ReferencePath, scalar => scalar
            .WithTitle("Lodestar API")
            .WithOpenApiRoutePattern(OpenApiDocumentEndpoint.Path));
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcService<ReflectionV1ServiceImpl>();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(ProxyErrors.WriteAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).WithMetadata(AccessPolicy.Forwarded);
        return app;
    }

    private static void AddEdgeHygiene(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(GatewayLimits.SectionName).Get<GatewayLimits>() ?? new GatewayLimits();
        builder.Services.AddOptions<GatewayLimits>().Bind(builder.Configuration.GetSection(GatewayLimits.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{GatewayLimits.SectionName}:MaxRequestBodyBytes must be more than 0.")
            .ValidateOnStart();
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });
        var cors = builder.Configuration.GetSection(CorsSettings.SectionName).Get<CorsSettings>() ?? new CorsSettings();
        if (cors.AllowedOrigins.Length > 0)
        {
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
                .WithOrigins(cors.AllowedOrigins)
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders(CorsSettings.ExposedHeaders)
                .SetPreflightMaxAge(cors.PreflightMaxAge)));
        }
        else
        {
            builder.Services.AddCors();
        }
        // The gateway is the edge: it adds X-Forwarded-* for the services (YARP's default) and trusts none it receives
        // unless ForwardedHeaders__KnownProxies / KnownNetworks name the load balancer in front of it.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
    }

    /// <summary>Callers (user tokens, API keys), memberships, rate limits and the tokens forwarded to the services.</summary>
    private static void AddEdgeAccess(this IHostApplicationBuilder builder)
    {
        builder.AddUserTokens();
        builder.Services.AddSingleton(ForwardedTokenOptions(builder));
        builder.Services.AddOptions<AccessOptions>().Bind(builder.Configuration.GetSection(AccessOptions.SectionName))
            .Validate(o => o.CacheLifetime > TimeSpan.Zero && o.ForwardedTokenLifetime > TimeSpan.Zero && o.UsageFlushInterval > TimeSpan.Zero,
                $"{AccessOptions.SectionName}: CacheLifetime, ForwardedTokenLifetime and UsageFlushInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => o.Workspaces.Values.Append(o.Default).All(l => l.IsValid),
                $"{RateLimitOptions.SectionName}: every limit needs PermitsPerSecond more than 0 and a Burst of at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<WorkspaceContext>();
        builder.Services.AddScoped<IWorkspaceContext>(sp => sp.GetRequiredService<WorkspaceContext>());
        builder.Services.AddSingleton<AccessDirectory>();
        builder.Services.AddSingleton<CallerAuthenticator>();
        builder.Services.AddSingleton<VerifiedTokens>();
        builder.Services.AddSingleton<ForwardedTokens>();
        builder.Services.AddSingleton<LocalTokenBuckets>();
        builder.Services.AddSingleton<WorkspaceRateLimiter>();
        builder.Services.AddSingleton<EdgeAdmission>();
        builder.Services.AddSingleton<ApiKeyUsage>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
    }

    /// <summary>The gateway's own gRPC API (workspaces, members, API keys), with REST transcoding.</summary>
    private static void AddWorkspaceApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorkspaceAdmission>();
        builder.Services.AddSingleton<ErrorMappingInterceptor>();
        builder.Services.AddGrpc(grpc =>
            {
                grpc.Interceptors.Add<ErrorMappingInterceptor>();
                grpc.Interceptors.Add<TextValidationInterceptor>();
            })
            .AddJsonTranscoding(rest => rest.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));
        // Reflection answers for every service behind the gateway, from the same compiled protos the routes come from.
        builder.Services.AddSingleton(new ReflectionServiceImpl(ProtoRoutes.Services()));
        builder.Services.AddSingleton(new ReflectionV1ServiceImpl(ProtoRoutes.Services()));
    }

    private static void AddProxy(this IHostApplicationBuilder builder)
    {
        var backends = Backends(builder.Configuration);
        var timeouts = builder.Configuration.GetSection(RouteTimeouts.SectionName).Get<RouteTimeouts>() ?? new RouteTimeouts();
        var destinationHealth = builder.Configuration.GetSection(DestinationHealthOptions.SectionName).Get<DestinationHealthOptions>() ?? new DestinationHealthOptions();
        builder.Services.AddSingleton<IReadOnlyCollection<Backend>>(backends);
        // Each cluster's address (http://_grpc.backlog) becomes the endpoints service discovery knows: the
        // services__backlog__grpc__N variables Aspire sets locally, DNS names in Kubernetes.
        builder.Services.AddReverseProxy()
            .LoadFromMemory(ProtoRoutes.Routes(backends, timeouts), ProtoRoutes.Clusters(backends, destinationHealth))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.AddRequestTimeouts(options =>
        {
            options.AddPolicy(ProtoRoutes.UnaryTimeoutPolicy, TimeoutPolicy(timeouts.Unary));
            foreach (var (service, timeout) in timeouts.Services) options.AddPolicy(service, TimeoutPolicy(timeout));
        });

        builder.Services.AddHttpClient(BackendHealthCheck.ClientName, http => http.Timeout = BackendHealthTimeout).AddServiceDiscovery();
        var health = builder.Services.AddHealthChecks();
        // A service that does not answer degrades the gateway's health but leaves it ready (200): as a readiness probe,
        // Unhealthy would take every gateway replica out of rotation for one service's outage, and with it all the others.
        foreach (var backend in backends)
            health.Add(new HealthCheckRegistration(backend.Name, sp => new BackendHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), backend), HealthStatus.Degraded, ["ready", HealthReportWriter.BackendTag]));
    }

    /// <summary>A timeout answered in the caller's protocol: DEADLINE_EXCEEDED, REST 504.</summary>
    private static RequestTimeoutPolicy TimeoutPolicy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        WriteTimeoutResponse = http => EdgeErrors.WriteAsync(http, Google.Rpc.Code.DeadlineExceeded,
            $"The call took longer than the gateway's {timeout.TotalSeconds:0.###} s limit for it.", "ERROR_REASON_DEPENDENCY_UNAVAILABLE"),
    };

    /// <summary>The key the services trust (Authentication:Jwt), which the gateway signs forwarded tokens with.</summary>
    private static JwtOptions ForwardedTokenOptions(IHostApplicationBuilder builder)
    {
        var options = builder.ReadJwtOptions(JwtOptions.SectionName, "The gateway signs the services' tokens: set Authentication__Jwt__SigningKey.");
        return options.SigningKey is not null
            ? options
            : throw new InvalidOperationException("The gateway signs the services' tokens with a symmetric key: set Authentication__Jwt__SigningKey.");
    }

    /// <summary>The services configured behind the gateway (services__{name}__… present).</summary>
    private static List<Backend> Backends(IConfiguration configuration) =>
    [
        .. new[] { LodestarResources.Discovery, LodestarResources.Strategy, LodestarResources.Backlog, LodestarResources.Metrics }
            .Where(name => configuration.GetSection($"services:{name}").Exists())
            .Select(name => new Backend(name)),
    ];
}
