namespace Lodestar.Gateway.Hygiene;

/// <summary>
/// Remembers that a call came as gRPC-Web text (base64), which the gRPC-Web middleware hides by rewriting the content
/// type: such calls need their answer written through <see cref="SizedPipeWriterStream"/>.
/// </summary>
public static class GrpcWebText
{
    private static readonly object Key = new();

    /// <summary>Runs before the gRPC-Web middleware.</summary>
    public static Task MarkAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.ContentType?.StartsWith("application/grpc-web-text", StringComparison.OrdinalIgnoreCase) == true)
            http.Items[Key] = true;
        return next(http);
    }

    public static bool Is(HttpContext http) => http.Items.ContainsKey(Key);
}
