using Google.Rpc;
using Grpc.Core;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>Reads the google.rpc details a Lodestar error carries.</summary>
public static class RpcExceptionDetails
{
    public static BadRequest? GetBadRequest(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<BadRequest>();

    public static ErrorInfo? GetErrorInfo(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>();

    public static RequestInfo? GetRequestInfo(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<RequestInfo>();

    public static ResourceInfo? GetResourceInfo(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ResourceInfo>();
}
