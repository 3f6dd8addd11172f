using Google.Protobuf.Reflection;
using Lodestar.Gateway.Access;
using Lodestar.Gateway.Routing;
using Lodestar.Security;
using Microsoft.OpenApi;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Lodestar.Gateway.Documentation;

/// <summary>
/// The OpenAPI document of the REST surface, generated from the same proto descriptors as the routes: one operation per
/// google.api.http binding of every service, request and response schemas from the messages, the proto comments as
/// descriptions, and the gateway's credentials (bearer token, API key) as security schemes.
/// </summary>
public static class OpenApiDocumentFactory
{
    private const string BearerScheme = "bearer";
    private const string ApiKeyScheme = "apiKey";

    public static OpenApiDocument Create(IReadOnlyList<ServiceDescriptor> services, string version)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Lodestar API",
                Version = version,
                Description = "Every Lodestar service's REST API through the gateway, generated from the protos. The same methods are served over gRPC and gRPC-Web at the same address.",
            },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT", Description = "A user's token from the configured identity provider." },
                    [ApiKeyScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = CallerAuthenticator.ApiKeyHeader, Description = "A workspace's API key (lsk_…)." },
                },
            },
            Tags = new HashSet<OpenApiTag>(),
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
        ];
        var schemas = new ProtoJsonSchemas(document);
        var error = schemas.Of(Google.Rpc.Status.Descriptor);
        foreach (var service in services)
        {
            document.Tags.Add(new OpenApiTag { Name = service.Name, Description = Comments.Of(service) });
            foreach (var method in service.Methods)
            {
                var bindings = ProtoRoutes.Bindings(method);
                for (var i = 0; i < bindings.Count; i++)
                {
                    var (verb, template) = bindings[i];
                    var path = PathTemplate.Parse(template);
                    if (!document.Paths.TryGetValue(path.Path, out var item)) document.Paths[path.Path] = item = new OpenApiPathItem();
                    var operation = Operation(document, schemas, service, method, path, verb, Body(method), error);
                    operation.OperationId = i == 0 ? $"{service.Name}_{method.Name}" : $"{service.Name}_{method.Name}_{i}";
                    ((OpenApiPathItem)item).AddOperation(new HttpMethod(verb), operation);
                }
            }
        }
        return document;
    }

    private static string? Body(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(Google.Api.AnnotationsExtensions.Http);
        return string.IsNullOrEmpty(rule?.Body) ? null : rule.Body;
    }

    private static OpenApiOperation Operation(OpenApiDocument document, ProtoJsonSchemas schemas, ServiceDescriptor service, MethodDescriptor method,
        PathTemplate path, string verb, string? body, IOpenApiSchema error)
    {
        var operation = new OpenApiOperation
        {
            Summary = Summary(Comments.Of(method)) ?? method.Name,
            Description = Comments.Of(method),
            Tags = new HashSet<OpenApiTagReference> { new(service.Name, document) },
            Parameters = [],
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "OK", Content = Json(schemas.Of(method.OutputType)) },
                ["default"] = new OpenApiResponse { Description = "An error: google.rpc.Status with its details (BadRequest field violations, RetryInfo…).", Content = Json(error) },
            },
        };
        foreach (var parameter in path.Parameters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Path,
                Required = true,
                Description = $"Part of `{parameter.Field}` ({parameter.Pattern}).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        if (ProtoRoutes.AreaOf(service) != ProtoRoutes.GatewayArea)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = LodestarClaims.WorkspaceHeader,
                In = ParameterLocation.Header,
                Description = "The workspace the call acts in (UUID). Required with a user's token; an API key's own workspace when left out.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            });
        }
        if (body == "*")
        {
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = Json(schemas.Of(method.InputType)) };
            return operation;
        }
        if (body is not null && method.InputType.FindFieldByName(body) is { } bodyField)
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = Json(schemas.Of(bodyField)), Description = Comments.Of(bodyField) };
        foreach (var field in method.InputType.Fields.InDeclarationOrder())
        {
            if (field.Name == body || path.Fields.Contains(field.Name)) continue;
            foreach (var (name, schema, description) in QueryParameters(schemas, field, field.JsonName, path, 0))
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Schema = schema, Description = description });
        }
        return operation;
    }

    /// <summary>Query parameters for a field: scalars as they are, messages by their fields in dotted form.</summary>
    private static IEnumerable<(string Name, IOpenApiSchema Schema, string? Description)> QueryParameters(
        ProtoJsonSchemas schemas, FieldDescriptor field, string name, PathTemplate path, int depth)
    {
        if (field.FieldType != FieldType.Message || field.IsMap || IsWellKnown(field.MessageType) || depth >= 2)
        {
            if (!field.IsMap) yield return (name, schemas.Of(field), Comments.Of(field));
            yield break;
        }
        foreach (var inner in field.MessageType.Fields.InDeclarationOrder())
        {
            if (path.Fields.Contains($"{field.Name}.{inner.Name}")) continue;
            foreach (var parameter in QueryParameters(schemas, inner, $"{name}.{inner.JsonName}", path, depth + 1)) yield return parameter;
        }
    }

    private static bool IsWellKnown(MessageDescriptor message) => message.File.Package == "google.protobuf";

    private static Dictionary<string, IOpenApiMediaType> Json(IOpenApiSchema schema) =>
        new() { ["application/json"] = new OpenApiMediaType { Schema = schema } };

    private static string? Summary(string? comment)
    {
        if (comment is null) return null;
        var end = comment.IndexOf(". ", StringComparison.Ordinal);
        var first = (end < 0 ? comment : comment[..(end + 1)]).Replace('\n', ' ');
        return first.Length <= 120 ? first : first[..117] + "…";
    }
}
