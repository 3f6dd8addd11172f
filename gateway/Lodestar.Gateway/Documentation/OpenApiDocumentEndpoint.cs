using System.Reflection;
using Lodestar.Gateway.Routing;
using Microsoft.OpenApi;

namespace Lodestar.Gateway.Documentation;

/// <summary>Serves the generated OpenAPI document, built once per process from the compiled protos.</summary>
public static class OpenApiDocumentEndpoint
{
    public const string Path = "/openapi.json";
    public const string ReferencePath = "/docs";

    private static readonly Lazy<Task<string>> Document = new(async () =>
    {
        var version = typeof(OpenApiDocumentEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        var document = OpenApiDocumentFactory.Create(ProtoRoutes.Services(), version.Split('+')[0]);
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
    });

    public static async Task WriteAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "public, max-age=300";
        await http.Response.WriteAsync(await Document.Value, http.RequestAborted);
    }
}
