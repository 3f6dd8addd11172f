using Google.Protobuf.Reflection;

namespace Lodestar.Gateway.Documentation;

/// <summary>The proto comments of a descriptor, when the descriptors carry their source information.</summary>
public static class Comments
{
    public static string? Of(IDescriptor descriptor)
    {
        var comment = ProtoSources.Declaration(descriptor)?.LeadingComments;
        return string.IsNullOrWhiteSpace(comment) ? null : string.Join('\n', comment.Trim().Split('\n').Select(line => line.Trim()));
    }
}
