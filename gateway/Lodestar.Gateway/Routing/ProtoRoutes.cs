using System.Net;
using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Lodestar.Gateway.Routing;

/// <summary>
/// The gateway's routes, derived from the compiled protos so they can never drift from the services: one gRPC route per
/// proto service (<c>/lodestar.{area}.v1.{Service}/{method}</c>, forwarded over HTTP/2 to the area's grpc endpoint) and one
/// REST route per google.api.http binding (forwarded to its http endpoint). Areas without a configured backend get no
/// routes.
/// </summary>
public static class ProtoRoutes
{
    /// <summary>gRPC streams may stay quiet for long; YARP's default 100 s activity timeout would cut them.</summary>
    private static readonly TimeSpan StreamActivityTimeout = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<ServiceDescriptor> Services() =>
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

    public static IReadOnlyList<(string Verb, string Path)> Bindings(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null) return [];
        return [.. new[] { rule }.Concat(rule.AdditionalBindings).Select(Binding).Where(b => b.Path.Length > 0)];
    }

    public static IReadOnlyList<RouteConfig> Routes(IReadOnlyCollection<Backend> backends)
    {
        var routes = new List<RouteConfig>();
        foreach (var service in Services())
        {
            if (backends.FirstOrDefault(b => b.Name == AreaOf(service)) is not { } backend) continue;
            routes.Add(new RouteConfig
            {
                RouteId = $"grpc {service.FullName}",
                ClusterId = backend.GrpcCluster,
                Match = new RouteMatch { Path = $"/{service.FullName}/{{method}}", Methods = [HttpMethods.Post] },
            });
            foreach (var method in service.Methods)
            {
                foreach (var (verb, path) in Bindings(method))
                {
                    routes.Add(new RouteConfig
                    {
                        RouteId = $"rest {verb} {path}",
                        ClusterId = backend.HttpCluster,
                        Match = new RouteMatch { Path = RestTemplate.ToRoute(path), Methods = [verb] },
                    });
                }
            }
        }
        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters(IReadOnlyCollection<Backend> backends) =>
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
        }),
        .. backends.Select(backend => new ClusterConfig
        {
            ClusterId = backend.HttpCluster,
            Destinations = new Dictionary<string, DestinationConfig> { [backend.Name] = new() { Address = backend.Address("http") } },
        }),
    ];

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
