using System.Reflection;
using NetArchTest.Rules;

namespace Architecture.Tests;

/// <summary>
/// The layers of a service as docs/architecture.md draws them: Domain depends on neither storage nor transport; the
/// infrastructure and the integration-event consumers never call the API layer (Grpc); and no service, nor the gateway,
/// is built on another service's assembly, since services meet only through protos and integration events; the
/// store (Persistence) knows nothing of the API.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] ServiceNames = ["Backlog", "Discovery", "Metrics", "Strategy"];

    public static TheoryData<string> Services => [.. ServiceNames];

    public static TheoryData<string> Deployables => [.. ServiceNames.Select(ApiAssembly), "Lodestar.Gateway"];

    [Theory, MemberData(nameof(Services))]
    public void The_domain_depends_on_neither_storage_nor_transport_nor_the_other_layers(string service)
    {
        var result = Types.InAssembly(Load(ApiAssembly(service))).That().ResideInNamespace($"Lodestar.{service}.Domain")
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Grpc.Core", "Grpc.AspNetCore", "Google.Protobuf", "MassTransit", "StackExchange.Redis", "Microsoft.AspNetCore",
                "Lodestar.Api", $"Lodestar.{service}.V1", $"Lodestar.{service}.Grpc", $"Lodestar.{service}.Infrastructure", $"Lodestar.{service}.IntegrationEvents")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Theory, MemberData(nameof(Services))]
    public void Infrastructure_and_consumers_never_call_the_api_layer(string service)
    {
        var result = Types.InAssembly(Load(ApiAssembly(service))).That()
            .ResideInNamespace($"Lodestar.{service}.Infrastructure").Or().ResideInNamespace($"Lodestar.{service}.IntegrationEvents")
            .ShouldNot().HaveDependencyOn($"Lodestar.{service}.Grpc")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Theory, MemberData(nameof(Deployables))]
    public void No_deployable_is_built_on_another_service(string deployable)
    {
        var services = ServiceNames.Select(ApiAssembly).Where(name => name != deployable).ToHashSet(StringComparer.Ordinal);

        var referenced = Load(deployable).GetReferencedAssemblies().Select(a => a.Name!).Where(services.Contains);

        Assert.Empty(referenced);
    }

    [Fact]
    public void Persistence_stores_entities_without_knowing_the_api_that_shows_them()
    {
        // Resource metadata as messages (ResourceMetadataMapping) is the API block's job, not the store's.
        var result = Types.InAssembly(Load("Lodestar.Persistence"))
            .ShouldNot().HaveDependencyOnAny("Google.Protobuf", "Grpc.Core", "Lodestar.Common.V1", "Lodestar.Api")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.DoesNotContain(Load("Lodestar.Persistence").GetReferencedAssemblies(), a => a.Name is "Lodestar.Protos" or "Google.Protobuf");
    }

    [Fact]
    public void Each_service_has_the_layers_the_rules_are_about()
    {
        // A rule over an empty namespace passes whatever the code does: each layer must hold types.
        foreach (var service in ServiceNames)
        {
            var namespaces = Load(ApiAssembly(service)).GetTypes().Select(t => t.Namespace ?? "").ToHashSet(StringComparer.Ordinal);
            foreach (var layer in new[] { "Domain", "Infrastructure", "IntegrationEvents", "Grpc" })
                Assert.Contains(namespaces, n => n == $"Lodestar.{service}.{layer}" || n.StartsWith($"Lodestar.{service}.{layer}.", StringComparison.Ordinal));
        }
    }

    private static string ApiAssembly(string service) => $"Lodestar.{service}.Api";

    private static Assembly Load(string name) => Assembly.Load(name);

    private static string Failing(NetArchTest.Rules.TestResult result) =>
        "Depends on what it must not: " + string.Join(", ", result.FailingTypeNames ?? []);
}
