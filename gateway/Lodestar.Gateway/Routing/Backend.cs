namespace Lodestar.Gateway.Routing;

/// <summary>A service behind the gateway: its name (as in services__{name}__…) and the proto package area it serves.</summary>
public sealed record Backend(string Name)
{
    public string GrpcCluster => $"{Name}-grpc";

    public string HttpCluster => $"{Name}-http";

    /// <summary>The service-discovery address of an endpoint, resolved from services__{name}__{endpoint}__{i} or DNS.</summary>
    public string Address(string endpoint) => $"http://_{endpoint}.{Name}";
}
