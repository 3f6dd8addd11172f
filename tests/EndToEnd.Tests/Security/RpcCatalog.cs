using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Lodestar.Gateway.Routing;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Every RPC of Lodestar's public API, read from the generated descriptors rather than listed by hand, so a new RPC is
/// covered (or named as missing) by the suites that walk it.
/// </summary>
public static class RpcCatalog
{
    private static readonly Lazy<IReadOnlyList<MethodDescriptor>> AllMethods = new(Load);
    private static readonly Dictionary<string, Method<IMessage, IMessage>> Methods = new(StringComparer.Ordinal);

    public static IReadOnlyList<MethodDescriptor> All => AllMethods.Value;

    public static IEnumerable<MethodDescriptor> Unary => All.Where(m => !m.IsClientStreaming && !m.IsServerStreaming);

    /// <summary>The method by its full name, "lodestar.strategy.v1.ProductService/CreateProduct".</summary>
    public static MethodDescriptor Find(string fullName) =>
        All.SingleOrDefault(m => FullName(m) == fullName) ?? throw new ArgumentException($"No RPC {fullName} in the API.", nameof(fullName));

    public static string FullName(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";

    /// <summary>Reads change nothing: their REST binding is a GET.</summary>
    public static bool IsRead(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { PatternCase: HttpRule.PatternOneofCase.Get };

    /// <summary>A gRPC method that carries any request and response of <paramref name="method"/> as messages.</summary>
    public static Method<IMessage, IMessage> Invocable(MethodDescriptor method)
    {
        lock (Methods)
        {
            var name = FullName(method);
            if (Methods.TryGetValue(name, out var known)) return known;
            var created = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
                Marshal(method.InputType), Marshal(method.OutputType));
            Methods[name] = created;
            return created;
        }
    }

    /// <summary>The same method carrying raw bytes, to send what no generated client would.</summary>
    public static Method<byte[], byte[]> Raw(MethodDescriptor method) =>
        new(MethodType.Unary, method.Service.FullName, method.Name, Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    private static Marshaller<IMessage> Marshal(MessageDescriptor type) =>
        Marshallers.Create(message => message.ToByteArray(), bytes => type.Parser.ParseFrom(bytes));

    // The services the gateway routes and documents, so the suites walk exactly what it serves.
    private static List<MethodDescriptor> Load() =>
        ProtoRoutes.Services().SelectMany(s => s.Methods).OrderBy(FullName, StringComparer.Ordinal).ToList();
}
