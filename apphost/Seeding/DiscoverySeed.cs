using DiscoveryV1 = Lodestar.Discovery.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>What the demo's discovery part created: personas, problems (most evidence first) and how many insights.</summary>
public sealed record DiscoverySeed(IReadOnlyList<DiscoveryV1.Persona> Personas, IReadOnlyList<DiscoveryV1.Problem> Problems, int InsightCount);
