using Lodestar.Gateway.Hygiene;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.FunctionalTests.Units;

/// <summary>
/// A request body that broke off is the caller's fault only when the server found it malformed or too large; when the
/// service's connection died under it, the caller hears UNAVAILABLE and may retry.
/// </summary>
public sealed class ProxyErrorsTests
{
    [Fact]
    public async Task A_body_cut_off_by_a_dying_service_is_unavailable()
    {
        var http = GrpcCall(new ForwarderFailure(ForwarderError.RequestBodyClient, new IOException("Connection reset by peer")));

        await ProxyErrors.WriteAsync(http, () => Task.CompletedTask);

        Assert.Equal("14", http.Response.Headers["grpc-status"].ToString());
    }

    [Fact]
    public async Task A_body_the_server_found_malformed_is_invalid()
    {
        var http = GrpcCall(new ForwarderFailure(ForwarderError.RequestBodyClient,
            new IOException("copy failed", new BadHttpRequestException("Unexpected end of request content."))));

        await ProxyErrors.WriteAsync(http, () => Task.CompletedTask);

        Assert.Equal("3", http.Response.Headers["grpc-status"].ToString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_for_rest()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        http.Features.Set<IForwarderErrorFeature>(new ForwarderFailure(ForwarderError.RequestBodyClient,
            new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)));

        await ProxyErrors.WriteAsync(http, () => Task.CompletedTask);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_caller_that_went_away_gets_no_answer()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var http = GrpcCall(new ForwarderFailure(ForwarderError.RequestBodyClient, new IOException("The client reset the request stream.")));
        http.RequestAborted = aborted.Token;

        await ProxyErrors.WriteAsync(http, () => Task.CompletedTask);

        Assert.False(http.Response.Headers.ContainsKey("grpc-status"));
    }

    private static DefaultHttpContext GrpcCall(IForwarderErrorFeature failure)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = "application/grpc";
        http.Features.Set(failure);
        return http;
    }
}
