using Lodestar.Errors;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;
using Code = Google.Rpc.Code;

namespace Lodestar.Gateway.Hygiene;

/// <summary>
/// Turns a failed forward into an answer in the caller's protocol instead of YARP's bare 502/504: UNAVAILABLE when the
/// service cannot be reached, DEADLINE_EXCEEDED when it did not answer in time, RESOURCE_EXHAUSTED (REST 413) for a body
/// over the limit, INVALID_ARGUMENT only for a body the server itself found malformed. Nothing about the service's address
/// or the exception leaves the gateway.
/// </summary>
public static class ProxyErrors
{
    public static async Task WriteAsync(HttpContext http, Func<Task> next)
    {
        await next();
        var error = http.GetForwarderErrorFeature();
        if (error is null || http.Response.HasStarted) return;
        var rejected = BadRequest(error.Exception);
        switch (error.Error)
        {
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled
                when http.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true:
                await EdgeErrors.WriteAsync(http, Code.DeadlineExceeded, "The call took longer than the gateway allows for it.", "ERROR_REASON_DEPENDENCY_UNAVAILABLE");
                return;
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled:
                return; // The caller went away; nobody reads an answer.
            case ForwarderError.RequestBodyClient when rejected is { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await EdgeErrors.WriteAsync(http, Code.ResourceExhausted, "The request is larger than the gateway accepts.", "ERROR_REASON_REQUEST_TOO_LARGE",
                    StatusCodes.Status413PayloadTooLarge);
                return;
            case ForwarderError.RequestBodyClient when rejected is not null:
                await EdgeErrors.WriteAsync(http, Code.InvalidArgument, "The request body could not be read.", "ERROR_REASON_VALIDATION_FAILED");
                return;
            case ForwarderError.RequestBodyClient when http.RequestAborted.IsCancellationRequested:
                return; // The caller went away mid-body.
            case ForwarderError.RequestTimedOut:
                await EdgeErrors.WriteAsync(http, Code.DeadlineExceeded, "The service did not answer in time.", "ERROR_REASON_DEPENDENCY_UNAVAILABLE");
                return;
            default:
                // Includes the rest of RequestBodyClient: YARP also blames the client when the body copy broke off because
                // the service's connection died (a unary body has been read in full by then), and the caller may retry.
                await EdgeErrors.WriteAsync(http, new UnavailableException("The service does not answer; retry shortly."));
                return;
        }
    }

    /// <summary>What the server rejected in the caller's request body (malformed framing, over the size limit), if that was the failure.</summary>
    private static BadHttpRequestException? BadRequest(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException bad) return bad;
        }
        return null;
    }
}
