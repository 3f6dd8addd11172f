using Google.Protobuf;
using Google.Protobuf.Reflection;
using Lodestar.Errors;

namespace Lodestar.ServiceDefaults;

/// <summary>
/// Finds strings holding U+0000 anywhere in a request. PostgreSQL cannot store the character in text (it fails the
/// statement) while SQLite stores it, so a request carrying one is refused up front, the same on either database.
/// </summary>
public static class NulCharacters
{
    private const string Description = "must not contain the NUL character (U+0000)";

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
                foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
                {
                    var at = $"{path}[{entry.Key}]";
                    if (entry.Key is string key && key.Contains('\0', StringComparison.Ordinal)) violations.Add(new FieldViolation(path, "keys " + Description));
                    Check(entry.Value, valueField.FieldType, at, violations);
                }
            }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var item in (System.Collections.IEnumerable)value) Check(item, field.FieldType, $"{path}[{index++}]", violations);
            }
            else
            {
                Check(value, field.FieldType, path, violations);
            }
        }
    }

    private static void Check(object? value, FieldType type, string path, List<FieldViolation> violations)
    {
        if (value is string text && text.Contains('\0', StringComparison.Ordinal)) violations.Add(new FieldViolation(path, Description));
        else if (value is IMessage nested && type is FieldType.Message or FieldType.Group) Scan(nested, path + ".", violations);
    }
}
