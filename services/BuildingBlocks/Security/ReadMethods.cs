using System.Collections.Concurrent;
using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Endpoint = Microsoft.AspNetCore.Http.Endpoint;

namespace Lodestar.Security;

/// <summary>
/// Which RPCs only read: those the API itself binds to a REST GET (google.api.http), the contract that they change
/// nothing, whatever their name (ExplainBacklogItemScore, AnalyzeExperiment…). A method without a binding is a read
/// when named Get*, List*, Search* or BatchGet*.
/// </summary>
public static class ReadMethods
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Search", "BatchGet"];
    private static readonly ConcurrentDictionary<string, bool> Bound = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="method"/> ("/package.Service/Method") only reads.</summary>
    public static bool IsRead(Endpoint? endpoint, string method)
    {
        if (Bound.TryGetValue(method, out var known)) return known;
        var name = method[(method.LastIndexOf('/') + 1)..];
        if (endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc && ServiceOf(grpc.ServiceType)?.FindMethodByName(name) is { } descriptor)
        {
            var read = descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule
                ? rule.PatternCase == HttpRule.PatternOneofCase.Get
                : HasReadName(name);
            return Bound[method] = read;
        }
        return HasReadName(name);
    }

    private static bool HasReadName(string name) => ReadPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The generated service class nests the base of the implementation and carries its descriptor.</summary>
    private static ServiceDescriptor? ServiceOf(Type implementation)
    {
        for (var type = implementation; type is not null; type = type.BaseType)
        {
            if (type.DeclaringType?.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is ServiceDescriptor service)
                return service;
        }
        return null;
    }
}
