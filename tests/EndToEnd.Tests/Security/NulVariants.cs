using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EndToEnd.Tests.Security;

/// <summary>
/// A valid request with a NUL put into one string at a time: every string field of the request and of the messages it
/// holds (two levels down, the first entry of a repeated message), a new entry of every repeated string, a new value of
/// every string map, each with the path a refusal should name.
/// </summary>
public static class NulVariants
{
    private const int Depth = 3;

    public static IEnumerable<(string Path, IMessage Request)> For(IMessage valid) => Paths(valid.Descriptor, Depth)
        .Select(path => (Describe(valid, path), With(valid, path)));

    /// <summary>The chain of fields to a string, one field per level.</summary>
    private static IEnumerable<FieldDescriptor[]> Paths(MessageDescriptor message, int depth)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.String || (field.IsMap && field.MessageType.FindFieldByNumber(2).FieldType == FieldType.String))
                yield return [field];
            else if (field.FieldType == FieldType.Message && !field.IsMap && depth > 1)
                foreach (var rest in Paths(field.MessageType, depth - 1)) yield return [field, .. rest];
        }
    }

    private static IMessage With(IMessage valid, FieldDescriptor[] path)
    {
        var copy = valid.Descriptor.Parser.ParseFrom(valid.ToByteString());
        var message = copy;
        foreach (var field in path[..^1]) message = Child(message, field);
        var last = path[^1];
        var value = last.Accessor.GetValue(message);
        if (last.IsMap) ((IDictionary)value)["nul"] = "\0";
        else if (last.IsRepeated) ((IList)value).Add("\0");
        else last.Accessor.SetValue(message, (string)value + "\0");
        return copy;
    }

    /// <summary>The path as a refusal names it: <c>product.display_name</c>, <c>items[0].title</c>, <c>labels[2]</c>, <c>properties[nul]</c>.</summary>
    private static string Describe(IMessage valid, FieldDescriptor[] path)
    {
        var parts = new List<string>();
        IMessage? message = valid;
        foreach (var field in path[..^1])
        {
            parts.Add(field.IsRepeated ? field.Name + "[0]" : field.Name);
            message = message is null ? null : Existing(message, field);
        }
        var last = path[^1];
        var count = message is not null && last.IsRepeated && !last.IsMap ? ((IList)last.Accessor.GetValue(message)).Count : 0;
        parts.Add(last.IsMap ? last.Name + "[nul]" : last.IsRepeated ? $"{last.Name}[{count}]" : last.Name);
        return string.Join('.', parts);
    }

    private static IMessage? Existing(IMessage message, FieldDescriptor field) => field.IsRepeated
        ? ((IList)field.Accessor.GetValue(message)) is { Count: > 0 } list ? (IMessage)list[0]! : null
        : field.Accessor.GetValue(message) as IMessage;

    private static IMessage Child(IMessage message, FieldDescriptor field)
    {
        if (Existing(message, field) is { } existing) return existing;
        var created = field.MessageType.Parser.ParseFrom(ByteString.Empty);
        if (field.IsRepeated) ((IList)field.Accessor.GetValue(message)).Add(created);
        else field.Accessor.SetValue(message, created);
        return created;
    }
}
