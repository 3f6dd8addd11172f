using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Lodestar.Errors;

namespace Lodestar.ServiceDefaults;

/// <summary>
/// Refuses requests with text no service may store (<see cref="TextRules"/>: control characters, unpaired surrogates)
/// with INVALID_ARGUMENT naming each field, before the service reads them (<see cref="RequestText"/>).
/// </summary>
public sealed class TextValidationInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new ValidatingReader<TRequest>(requestStream), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new ValidatingReader<TRequest>(requestStream), responseStream, context);

    private static void Validate<TRequest>(TRequest request)
    {
        if (request is IMessage message && RequestText.Find(message) is { Count: > 0 } violations) throw new ValidationException(violations);
    }

    /// <summary>Checks each streamed message as the service reads it.</summary>
    private sealed class ValidatingReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            Validate(inner.Current);
            return true;
        }
    }
}
