using Lodestar.Api;
using Lodestar.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace Lodestar.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>
    /// Endpoints, telemetry, health, service discovery, security and gRPC (with JSON transcoding, health, reflection
    /// and error mapping) for a Lodestar service.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddDefaultEndpoints(serviceName);
        builder.AddDefaultLogLevels();
        builder.AddTelemetry(serviceName);
        builder.AddDefaultHealthChecks();
        builder.AddRedisIfConfigured();
        builder.AddLodestarSecurity();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());

        builder.Services.AddSingleton<ErrorMappingInterceptor>();
        builder.Services.AddGrpc(grpc =>
        {
            // Outermost first: errors from the workspace checks are mapped too.
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.Interceptors.Add<WorkspaceInterceptor>();
            grpc.Interceptors.Add<TextValidationInterceptor>();
            grpc.MaxReceiveMessageSize = 16 * 1024 * 1024;
        }).AddJsonTranscoding(rest =>
            // REST error bodies carry the same google.rpc details as gRPC trailers.
            rest.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// Two Kestrel endpoints, "http" (HTTP/1.1: health, REST) and "grpc" (HTTP/2 without TLS), from
    /// Kestrel__Endpoints__{name}__Url; the service's default local ports when neither endpoints nor URLs are configured.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultEndpoints(this IHostApplicationBuilder builder, string serviceName)
    {
        var config = builder.Configuration;
        var defaults = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:grpc:Protocols"] = nameof(HttpProtocols.Http2),
            ["Kestrel:Endpoints:http:Protocols"] = nameof(HttpProtocols.Http1),
        };
        var hasUrls = !string.IsNullOrEmpty(config["urls"]) || !string.IsNullOrEmpty(config["http_ports"]);
        var (httpPort, grpcPort) = LodestarResources.DefaultPorts(serviceName);
        if (!hasUrls && config["Kestrel:Endpoints:http:Url"] is null && config["Kestrel:Endpoints:grpc:Url"] is null && httpPort > 0)
        {
            defaults["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}";
            defaults["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}";
        }
        // Lowest precedence: anything configured elsewhere wins.
        ((IConfigurationBuilder)config).Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }

    /// <summary>
    /// Keeps per-request and per-SQL-command chatter (EF Core logs every command; ASP.NET Core, YARP and HttpClient
    /// every request, at Information) out of the console and the exported logs, where the outbox's polling alone would
    /// drown everything else; Logging__LogLevel__… settings still win.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultLogLevels(this IHostApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Yarp"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        };
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var name = builder.Configuration["OTEL_SERVICE_NAME"] ?? serviceName;
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var otel = builder.Services.AddOpenTelemetry()
            // The instance id comes from OTEL_RESOURCE_ATTRIBUTES when the app host sets one, so every signal of a process
            // shows under one instance in the Aspire dashboard.
            .ConfigureResource(resource => resource.AddService(name, autoGenerateServiceInstanceId: false))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http =>
                    !http.Request.Path.StartsWithSegments(HealthPath) && !http.Request.Path.StartsWithSegments(AlivePath))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource("MassTransit", "Lodestar.Messaging"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>"/alive" runs only the "live" checks (the process answers); "/health" runs the "ready" ones.</summary>
    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>A shared multiplexer and its readiness check when ConnectionStrings__redis is set.</summary>
    public static IHostApplicationBuilder AddRedisIfConfigured(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(LodestarResources.Redis);
        if (string.IsNullOrWhiteSpace(connectionString)) return builder;
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        // Back within 2 s of Redis returning: the default backoff grows to 10 s between attempts during an outage.
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 500, maxDeltaBackOffMilliseconds: 2000);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), LodestarResources.Redis, tags: ["ready"]);
        return builder;
    }

    /// <summary>Authentication, health endpoints (every environment), gRPC health and reflection.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<StrictJsonBodyMiddleware>();
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
