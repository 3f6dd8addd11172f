using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;

namespace Lodestar.AppHost.Orchestration;

/// <summary>Where the platform keeps its data, how its infrastructure starts, and each service's ports.</summary>
public sealed class PlatformOptions
{
    /// <summary>The services' data folder root (SQLite databases go to <c>{DataRoot}/data</c>).</summary>
    public required string DataRoot { get; init; }

    public required LocalInfrastructureOptions Infrastructure { get; init; }

    /// <summary>
    /// Whether each service keeps its data in its own PostgreSQL database (named after the service) rather than a SQLite
    /// file: what a deployment runs. Needs <see cref="LocalInfrastructureOptions.Postgres"/>.
    /// </summary>
    public bool ServicesOnPostgres { get; init; }

    /// <summary>A service's (http, grpc) ports; the local defaults unless a run (a test) picks others.</summary>
    public Func<string, (int Http, int Grpc)> Ports { get; init; } = LodestarResources.DefaultPorts;

    /// <summary>Where services' console lines are echoed, prefixed with their names; null keeps them in the logs only.</summary>
    public TextWriter? Echo { get; init; }

    /// <summary>Environment every service receives on top of the platform's own (a test's shorter intervals, its telemetry receiver).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public Uri HttpAddress(string service) => new($"http://127.0.0.1:{Ports(service).Http}");

    public Uri GrpcAddress(string service) => new($"http://127.0.0.1:{Ports(service).Grpc}");
}
