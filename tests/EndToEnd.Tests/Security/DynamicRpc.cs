using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Lodestar.AppHost.Seeding;

namespace EndToEnd.Tests.Security;

/// <summary>Calls any unary RPC of the catalogue through the gateway, with any credentials, and never throws on a status.</summary>
public sealed class DynamicRpc(CallInvoker gateway)
{
    private readonly CallInvoker _invoker = gateway.Intercept(new RateLimitRetryInterceptor());

    public async Task<RpcOutcome> CallAsync(MethodDescriptor method, IMessage request, Credentials credentials)
    {
        try
        {
            var response = await _invoker.AsyncUnaryCall(RpcCatalog.Invocable(method), null, Options(credentials), request);
            return new RpcOutcome(StatusCode.OK, response, "");
        }
        catch (RpcException ex)
        {
            return new RpcOutcome(ex.StatusCode, null, ex.Status.Detail)
            {
                ViolatedFields = [.. ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? []],
            };
        }
    }

    /// <summary>Sends <paramref name="body"/> as the request of <paramref name="method"/>, whatever the bytes are.</summary>
    public async Task<RpcOutcome> CallRawAsync(MethodDescriptor method, byte[] body, Credentials credentials)
    {
        try
        {
            var response = await _invoker.AsyncUnaryCall(RpcCatalog.Raw(method), null, Options(credentials), body);
            return new RpcOutcome(StatusCode.OK, method.OutputType.Parser.ParseFrom(response), "");
        }
        catch (RpcException ex)
        {
            return new RpcOutcome(ex.StatusCode, null, ex.Status.Detail);
        }
    }

    private static CallOptions Options(Credentials credentials) =>
        new(credentials.Headers(), DateTime.UtcNow.AddSeconds(30), TestContext.Current.CancellationToken);
}
