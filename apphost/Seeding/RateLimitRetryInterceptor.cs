using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Lodestar.AppHost.Seeding;

/// <summary>
/// Retries a unary call the gateway refused with RESOURCE_EXHAUSTED (the workspace's rate limit) after the delay the
/// refusal names (RetryInfo, else the retry-after header), as a well-behaved API client does; other failures pass.
/// A refused call changed nothing, so repeating it is safe. Callers racing for the same bucket wait a little longer at
/// each refusal (and a random extra), so none starves; after <paramref name="patience"/> the refusal is the answer.
/// </summary>
public sealed class RateLimitRetryInterceptor(TimeSpan? patience = null) : Interceptor
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _patience = patience ?? TimeSpan.FromMinutes(2);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var first = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(
            RetryAsync(first, () => continuation(request, context), context.Options.CancellationToken),
            first.ResponseHeadersAsync, first.GetStatus, first.GetTrailers, first.Dispose);
    }

    private async Task<TResponse> RetryAsync<TResponse>(AsyncUnaryCall<TResponse> first, Func<AsyncUnaryCall<TResponse>> again, CancellationToken cancellationToken)
    {
        var call = first;
        var giveUp = DateTime.UtcNow + _patience;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call.ResponseAsync;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted && DateTime.UtcNow < giveUp && DelayOf(ex) is { } delay)
            {
                if (call != first) call.Dispose();
                await Task.Delay((delay * Math.Min(attempt, 10)) + TimeSpan.FromMilliseconds(Random.Shared.Next(50)), cancellationToken);
                call = again();
            }
        }
    }

    /// <summary>The delay the gateway asked for; null when the refusal is not a rate limit (a message too large, say).</summary>
    private static TimeSpan? DelayOf(RpcException ex)
    {
        if (ex.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>() is { RetryDelay: { } retryDelay }) return retryDelay.ToTimeSpan();
        var header = ex.Trailers.GetValue("retry-after");
        return header is null ? null : int.TryParse(header, out var seconds) ? TimeSpan.FromSeconds(seconds) : Fallback;
    }
}
