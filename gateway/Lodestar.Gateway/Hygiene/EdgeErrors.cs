using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Code = Google.Rpc.Code;
using ErrorDetailsReflection = Google.Rpc.ErrorDetailsReflection;
using Lodestar.Api;
using Lodestar.Errors;

namespace Lodestar.Gateway.Hygiene;

/// <summary>
/// Answers a request the edge refuses in the caller's protocol, with the same google.rpc.Status the services produce:
/// a trailers-only gRPC response (grpc-status, grpc-message, grpc-status-details-bin) for gRPC and gRPC-Web, the
/// transcoding JSON error body with the matching HTTP status for REST.
/// </summary>
public static class EdgeErrors
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor)));

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) ?? false;

    public static Task WriteAsync(HttpContext http, LodestarException exception) =>
        WriteAsync(http, ErrorMappingInterceptor.ToStatus(exception), (exception as ResourceExhaustedException)?.RetryAfter);

    public static Task WriteAsync(HttpContext http, Code code, string message, string reason, int? httpStatus = null) =>
        WriteAsync(http, ErrorMappingInterceptor.Build(code, message, reason), null, httpStatus);

    /// <param name="http">The refused request.</param>
    /// <param name="status">What to answer.</param>
    /// <param name="retryAfter">Sent as Retry-After (whole seconds, at least one) when set.</param>
    /// <param name="httpStatus">The REST status, when it is not the code's usual one (413 for a body too large).</param>
    public static Task WriteAsync(HttpContext http, Google.Rpc.Status status, TimeSpan? retryAfter = null, int? httpStatus = null)
    {
        var response = http.Response;
        if (retryAfter is { } delay)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        if (IsGrpc(http.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return Task.CompletedTask;
        }
        response.StatusCode = httpStatus ?? HttpStatus((Code)status.Code);
        response.ContentType = "application/json";
        // Not RequestAborted: after a timeout that token is already cancelled, and the answer is small.
        return response.WriteAsync(Json.Format(status), CancellationToken.None);
    }

    /// <summary>The HTTP status of a gRPC code, as JSON transcoding maps it.</summary>
    public static int HttpStatus(Code code) => code switch
    {
        Code.InvalidArgument or Code.FailedPrecondition or Code.OutOfRange => StatusCodes.Status400BadRequest,
        Code.Unauthenticated => StatusCodes.Status401Unauthorized,
        Code.PermissionDenied => StatusCodes.Status403Forbidden,
        Code.NotFound => StatusCodes.Status404NotFound,
        Code.AlreadyExists or Code.Aborted => StatusCodes.Status409Conflict,
        Code.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        Code.Unavailable => StatusCodes.Status503ServiceUnavailable,
        Code.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}
