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

    public static IEnumerable<(string Path, IMessage Request)> For(IMessage valid) => Paths(valid.Descriptor, Depth).Select(path => With(valid, path));

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

    /// <summary>
    /// A copy of <paramref name="valid"/> with the NUL at the end of <paramref name="path"/>, and the path as a refusal
    /// names it: <c>product.display_name</c>, <c>items[0].title</c>, <c>labels[2]</c>, <c>properties[nul]</c>.
    /// </summary>
    private static (string Path, IMessage Request) With(IMessage valid, FieldDescriptor[] path)
    {
        var copy = valid.Descriptor.Parser.ParseFrom(valid.ToByteString());
        var message = copy;
        var names = new List<string>();
        foreach (var field in path[..^1])
        {
            names.Add(field.IsRepeated ? field.Name + "[0]" : field.Name);
            message = Child(message, field);
        }
        var last = path[^1];
        var value = last.Accessor.GetValue(message);
        if (last.IsMap)
        {
            ((IDictionary)value)["nul"] = "\0";
            names.Add(last.Name + "[nul]");
        }
        else if (last.IsRepeated)
        {
            var list = (IList)value;
            names.Add($"{last.Name}[{list.Count}]");
            list.Add("\0");
        }
        else
        {
            last.Accessor.SetValue(message, (string)value + "\0");
            names.Add(last.Name);
        }
        return (string.Join('.', names), copy);
    }

    /// <summary>The message in <paramref name="field"/> (the first entry of a repeated one), made when there is none.</summary>
    private static IMessage Child(IMessage message, FieldDescriptor field)
    {
        var value = field.Accessor.GetValue(message);
        if (field.IsRepeated)
        {
            var list = (IList)value;
            if (list.Count == 0) list.Add(field.MessageType.Parser.ParseFrom(ByteString.Empty));
            return (IMessage)list[0]!;
        }
        if (value is IMessage existing) return existing;
        var created = field.MessageType.Parser.ParseFrom(ByteString.Empty);
        field.Accessor.SetValue(message, created);
        return created;
    }
}
