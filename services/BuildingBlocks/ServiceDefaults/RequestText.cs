using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Lodestar.Errors;

namespace Lodestar.ServiceDefaults;

/// <summary>
/// Finds the strings of a request, at any depth (repeated entries, map keys and values, nested messages), that break
/// <see cref="TextRules"/>, each named by its path, so every text field of every RPC is held to one rule before a
/// service reads it, the same on SQLite and PostgreSQL.
/// </summary>
public static class RequestText
{
    public static IReadOnlyList<FieldViolation> Find(IMessage message)
    {
        var violations = new List<FieldViolation>();
        Scan(message, "", violations);
        return violations;
    }

    private static void Scan(IMessage message, string prefix, List<FieldViolation> violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.String or FieldType.Message or FieldType.Group)) continue;
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var valueField = field.MessageType.FindFieldByNumber(2);
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Key is string key && TextRules.Problem(key) is { } problem) violations.Add(new FieldViolation(path, "A key " + Lower(problem)));
                    Check(entry.Value, valueField.FieldType, $"{path}[{entry.Key}]", violations);
                }
            }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var item in (IEnumerable)value) Check(item, field.FieldType, $"{path}[{index++}]", violations);
            }
            else
            {
                Check(value, field.FieldType, path, violations);
            }
        }
    }

    private static void Check(object? value, FieldType type, string path, List<FieldViolation> violations)
    {
        if (value is string text && TextRules.Problem(text) is { } problem) violations.Add(new FieldViolation(path, problem));
        else if (value is IMessage nested && type is FieldType.Message or FieldType.Group) Scan(nested, path + ".", violations);
    }

    private static string Lower(string sentence) => char.ToLowerInvariant(sentence[0]) + sentence[1..];
}
