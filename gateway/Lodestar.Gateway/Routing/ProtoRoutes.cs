using System.Net;
using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using Lodestar.Gateway.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Lodestar.Gateway.Routing;

/// <summary>
/// The gateway's routes, derived from the compiled protos so they can never drift from the services: one gRPC route per
/// proto service (<c>/lodestar.{area}.v1.{Service}/{method}</c>, forwarded over HTTP/2 to the area's grpc endpoint), one
/// more per streaming method (no timeout), and one REST route per google.api.http binding
/// (forwarded to its http endpoint). Areas without a configured backend get no routes.
/// </summary>
public static class ProtoRoutes
{
    /// <summary>The gateway's own API (workspaces, members, API keys): served here, never proxied.</summary>
    public const string GatewayArea = "workspaces";

    public const string UnaryTimeoutPolicy = "unary";

    /// <summary>gRPC streams may stay quiet for long; YARP's default 100 s activity timeout would cut them.</summary>
    private static readonly TimeSpan StreamActivityTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Read once: routes, reflection, request checks and the OpenAPI document all ask for them.</summary>
    private static readonly Lazy<IReadOnlyList<ServiceDescriptor>> AllServices = new(LoadServices);

    public static IReadOnlyList<ServiceDescriptor> Services() => AllServices.Value;

    private static List<ServiceDescriptor> LoadServices() =>
        typeof(Lodestar.Strategy.V1.ProductService).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!)
            .Where(file => file.Package.StartsWith("lodestar.", StringComparison.Ordinal))
            .SelectMany(file => file.Services)
            .OrderBy(service => service.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The area a service belongs to: <c>lodestar.{area}.v1</c>.</summary>
    public static string AreaOf(ServiceDescriptor service) => service.File.Package.Split('.')[1];

    public static bool IsStreaming(MethodDescriptor method) => method.IsClientStreaming || method.IsServerStreaming;

    /// <summary>The timeout policy of a service's unary methods: its own when configured, else the default.</summary>
    public static string TimeoutPolicyOf(ServiceDescriptor service, RouteTimeouts timeouts) =>
        timeouts.Services.ContainsKey(service.FullName) ? service.FullName : UnaryTimeoutPolicy;

    public static IReadOnlyList<(string Verb, string Path)> Bindings(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null) return [];
        return [.. new[] { rule }.Concat(rule.AdditionalBindings).Select(Binding).Where(b => b.Path.Length > 0)];
    }

    public static IReadOnlyList<RouteConfig> Routes(IReadOnlyCollection<Backend> backends, RouteTimeouts timeouts)
    {
        var routes = new List<RouteConfig>();
        foreach (var service in Services())
        {
            if (backends.FirstOrDefault(b => b.Name == AreaOf(service)) is not { } backend) continue;
            var unaryPolicy = TimeoutPolicyOf(service, timeouts);
            routes.Add(Route($"grpc {service.FullName}", backend.GrpcCluster, $"/{service.FullName}/{{method}}", HttpMethods.Post, unaryPolicy, streaming: false));
            foreach (var method in service.Methods)
            {
                var streaming = IsStreaming(method);
                // A literal path outranks the service's {method} route.
                if (streaming) routes.Add(Route($"grpc {method.FullName}", backend.GrpcCluster, $"/{service.FullName}/{method.Name}", HttpMethods.Post, unaryPolicy, streaming));
                foreach (var (verb, path) in Bindings(method))
                    routes.Add(Route($"rest {verb} {path}", backend.HttpCluster, RestTemplate.ToRoute(path), verb, unaryPolicy, streaming));
            }
        }
        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters(IReadOnlyCollection<Backend> backends, DestinationHealthOptions health) =>
    [
        .. backends.Select(backend => new ClusterConfig
        {
            ClusterId = backend.GrpcCluster,
            Destinations = new Dictionary<string, DestinationConfig> { [backend.Name] = new() { Address = backend.Address("grpc") } },
            HttpRequest = new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = StreamActivityTimeout,
            },
            HealthCheck = HealthCheck(health),
        }),
        .. backends.Select(backend => new ClusterConfig
        {
            ClusterId = backend.HttpCluster,
            Destinations = new Dictionary<string, DestinationConfig> { [backend.Name] = new() { Address = backend.Address("http") } },
            HealthCheck = HealthCheck(health),
        }),
    ];

    private static RouteConfig Route(string id, string cluster, string path, string verb, string unaryPolicy, bool streaming) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path, Methods = [verb] },
        TimeoutPolicy = streaming ? "Disable" : unaryPolicy,
    };

    /// <summary>
    /// Active probes of /alive and passive failure counting; with every instance unhealthy, calls still try them
    /// (HealthyOrPanic) rather than fail outright, since one instance behind a Service is the common case.
    /// </summary>
    private static HealthCheckConfig HealthCheck(DestinationHealthOptions health) => new()
    {
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = health.Interval,
            Timeout = health.Timeout,
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = "/alive",
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
            ReactivationPeriod = health.ReactivationPeriod,
        },
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
    };

    private static (string Verb, string Path) Binding(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => (HttpMethods.Get, rule.Get),
        HttpRule.PatternOneofCase.Post => (HttpMethods.Post, rule.Post),
        HttpRule.PatternOneofCase.Put => (HttpMethods.Put, rule.Put),
        HttpRule.PatternOneofCase.Patch => (HttpMethods.Patch, rule.Patch),
        HttpRule.PatternOneofCase.Delete => (HttpMethods.Delete, rule.Delete),
        HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind, rule.Custom.Path),
        _ => ("", ""),
    };
}
