using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace Lodestar.Gateway.Documentation;

/// <summary>
/// JSON schemas of proto messages as the REST API reads and writes them (proto3 JSON mapping: lowerCamelCase names,
/// enums by name, well-known types in their string forms), each message once under components/schemas by full name.
/// </summary>
public sealed class ProtoJsonSchemas(OpenApiDocument document)
{
    private readonly Dictionary<string, IOpenApiSchema> _components = new(StringComparer.Ordinal);

    public IOpenApiSchema Of(MessageDescriptor message)
    {
        if (WellKnown(message.FullName) is { } known) return known;
        if (!_components.ContainsKey(message.FullName))
        {
            var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = Comments.Of(message), Properties = new Dictionary<string, IOpenApiSchema>() };
            _components[message.FullName] = schema; // before the fields: messages may refer to themselves
            document.Components!.Schemas![message.FullName] = schema;
            foreach (var field in message.Fields.InDeclarationOrder()) schema.Properties[field.JsonName] = Of(field);
        }
        return new OpenApiSchemaReference(message.FullName, document);
    }

    public IOpenApiSchema Of(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            return Described(new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Single(value) }, field);
        }
        return field.IsRepeated
            ? Described(new OpenApiSchema { Type = JsonSchemaType.Array, Items = Single(field) }, field)
            : Single(field) is OpenApiSchema inline ? Described(inline, field) : Single(field);
    }

    private IOpenApiSchema Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
        FieldType.Float => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "float" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64
            => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32
            => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        FieldType.Bool => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        FieldType.String => new OpenApiSchema { Type = JsonSchemaType.String },
        FieldType.Bytes => new OpenApiSchema { Type = JsonSchemaType.String, Format = "byte" },
        FieldType.Enum => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))],
        },
        _ => Of(field.MessageType),
    };

    private static OpenApiSchema Described(OpenApiSchema schema, FieldDescriptor field)
    {
        schema.Description = Comments.Of(field);
        return schema;
    }

    private static OpenApiSchema? WellKnown(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        "google.protobuf.Duration" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "Seconds with an s suffix, e.g. \"1.5s\"." },
        "google.protobuf.FieldMask" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "Comma-separated field paths, e.g. \"displayName,description\"." },
        "google.protobuf.Empty" => new OpenApiSchema { Type = JsonSchemaType.Object },
        "google.protobuf.Struct" => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true },
        "google.protobuf.Value" => new OpenApiSchema(),
        "google.protobuf.ListValue" => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema() },
        "google.protobuf.Any" => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true, Description = "A message with its type in \"@type\"." },
        "google.protobuf.StringValue" => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        "google.protobuf.BoolValue" => new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null },
        "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null },
        "google.protobuf.Int32Value" or "google.protobuf.UInt32Value" => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
        "google.protobuf.Int64Value" or "google.protobuf.UInt64Value" => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int64" },
        _ => null,
    };
}
