using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Lodestar.Errors;
using Microsoft.Extensions.Logging;

namespace Lodestar.Api;

/// <summary>
/// Turns exceptions into gRPC statuses with google.rpc details (REST gets the matching HTTP status through
/// transcoding). Expected failures keep their message; anything unexpected is INTERNAL with only a trace id, logged
/// in full on the server.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public const string Domain = "lodestar.dev";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        var status = ToStatus(exception, context.CancellationToken.IsCancellationRequested);
        if (status.Code == (int)Code.Internal)
            logger.LogError(exception, "Unexpected failure in {Method} (trace {TraceId})", context.Method, TraceId());
        else
            logger.LogDebug("{Method} failed with {Code}: {Message}", context.Method, (Code)status.Code, status.Message);
        return status.ToRpcException();
    }

    /// <summary>The status an exception maps to; public so the mapping is testable without a server.</summary>
    public static Google.Rpc.Status ToStatus(Exception exception, bool callCancelled = false)
    {
        switch (exception)
        {
            case ValidationException validation:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(validation.Violations.Take(MaxViolations).Select(v =>
                    new BadRequest.Types.FieldViolation { Field = v.Field.Clip(MaxDetailLength), Description = v.Description.Clip(MaxDetailLength) }));
                return Build(Code.InvalidArgument, validation.Message, "ERROR_REASON_VALIDATION_FAILED", badRequest);
            case NotFoundException notFound:
                return Build(Code.NotFound, notFound.Message, "ERROR_REASON_RESOURCE_NOT_FOUND",
                    new ResourceInfo { ResourceType = notFound.ResourceType, ResourceName = notFound.ResourceName.Clip(MaxDetailLength) });
            case AlreadyExistsException exists:
                return Build(Code.AlreadyExists, exists.Message, "ERROR_REASON_RESOURCE_ALREADY_EXISTS",
                    new ResourceInfo { ResourceType = exists.ResourceType, ResourceName = exists.ResourceName.Clip(MaxDetailLength) });
            case EtagMismatchException etag:
                return Build(Code.Aborted, etag.Message, "ERROR_REASON_ETAG_MISMATCH");
            case FailedPreconditionException precondition:
                return Build(Code.FailedPrecondition, precondition.Message, "ERROR_REASON_FAILED_PRECONDITION");
            case UnavailableException unavailable:
                return Build(Code.Unavailable, unavailable.Message, "ERROR_REASON_DEPENDENCY_UNAVAILABLE");
            case StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException:
                return Build(Code.Unavailable, "The real-time store (Redis) does not answer; retry shortly.", "ERROR_REASON_DEPENDENCY_UNAVAILABLE");
            case PermissionDeniedException denied:
                return Build(Code.PermissionDenied, denied.Message, denied.Reason);
            case UnauthenticatedException unauthenticated:
                return Build(Code.Unauthenticated, unauthenticated.Message, "ERROR_REASON_UNAUTHENTICATED");
            case ResourceExhaustedException exhausted:
                return Build(Code.ResourceExhausted, exhausted.Message, "ERROR_REASON_RATE_LIMITED",
                    new RetryInfo { RetryDelay = Duration.FromTimeSpan(exhausted.RetryAfter) });
            case OperationCanceledException when callCancelled:
                return Build(Code.Cancelled, "The call was cancelled.", null);
            case Exception when IsTransientDatabaseFailure(exception):
                return Build(Code.Unavailable, "The database does not answer; retry shortly.", "ERROR_REASON_DEPENDENCY_UNAVAILABLE");
            default:
                return Build(Code.Internal, $"An unexpected error occurred. Quote trace id {TraceId()} when reporting it.", "ERROR_REASON_INTERNAL");
        }
    }

    /// <summary>
    /// A database that is restarting, refusing connections or unreachable: the provider marks its exception transient, and
    /// EF Core may wrap it (DbUpdateException, InvalidOperationException). Retrying later succeeds, so it is UNAVAILABLE.
    /// </summary>
    private static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
            if (current is System.Data.Common.DbException { IsTransient: true }) return true;
        return false;
    }

    /// <summary>A status with an ErrorInfo (reason, domain), the given details and a RequestInfo with the trace id.</summary>
    public static Google.Rpc.Status Build(Code code, string message, string? reason, params Google.Protobuf.IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message.Clip(MaxMessageLength) };
        if (reason is not null)
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }));
        foreach (var detail in details) status.Details.Add(Any.Pack(detail));
        status.Details.Add(Any.Pack(new RequestInfo { RequestId = TraceId() }));
        return status;
    }

    // A status travels in response headers and trailers, which proxies and clients cap (tens of KB); an error that
    // echoes a huge input or lists thousands of violations would make the answer itself fail. These bounds keep it small.
    private const int MaxMessageLength = 1_000;
    private const int MaxDetailLength = 300;
    private const int MaxViolations = 50;

    private static string TraceId() => Activity.Current?.TraceId.ToString() ?? "none";
}
