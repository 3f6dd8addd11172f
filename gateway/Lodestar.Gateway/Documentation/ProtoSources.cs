using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Lodestar.Gateway.Documentation;

/// <summary>
/// The proto comments the compiled descriptors lack, read from the descriptor sets with source information that the
/// contracts assembly embeds (lodestar.protosets.*), and found by each element's full name.
/// </summary>
public static class ProtoSources
{
    private static readonly Lazy<Dictionary<string, DescriptorDeclaration>> Declarations = new(Load);

    public static DescriptorDeclaration? Declaration(IDescriptor descriptor) =>
        Declarations.Value.GetValueOrDefault(descriptor.FullName);

    private static Dictionary<string, DescriptorDeclaration> Load()
    {
        var declarations = new Dictionary<string, DescriptorDeclaration>(StringComparer.Ordinal);
        var assembly = typeof(Lodestar.Strategy.V1.ProductService).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("lodestar.protosets.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var set = FileDescriptorSet.Parser.ParseFrom(stream);
            // protoc writes a file's imports before it, so the set builds in order; the file itself is the last.
            var files = FileDescriptor.BuildFromByteStrings(set.File.Select(f => f.ToByteString()));
            var file = files[^1];
            foreach (var element in Elements(file))
            {
                if (element.Declaration is { } declaration) declarations.TryAdd(element.FullName, declaration);
            }
        }
        return declarations;
    }

    private static IEnumerable<DescriptorBase> Elements(FileDescriptor file) =>
        file.Services.SelectMany(s => new DescriptorBase[] { s }.Concat(s.Methods))
            .Concat(file.MessageTypes.SelectMany(Messages))
            .Concat(file.EnumTypes.SelectMany(Enums));

    private static IEnumerable<DescriptorBase> Messages(MessageDescriptor message) =>
        new DescriptorBase[] { message }
            .Concat(message.Fields.InDeclarationOrder())
            .Concat(message.NestedTypes.SelectMany(Messages))
            .Concat(message.EnumTypes.SelectMany(Enums));

    private static IEnumerable<DescriptorBase> Enums(EnumDescriptor enumType) =>
        new DescriptorBase[] { enumType }.Concat(enumType.Values);
}
