using Xunit;
using Google.Rpc;
using Grpc.Core;

namespace Lodestar.Testing;

/// <summary>Asserts on failed calls: the status code and the fields named.</summary>
public static class Rpc
{
    public static async Task<RpcException> FailsAsync<T>(StatusCode code, AsyncUnaryCall<T> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.True(code == error.StatusCode, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>The call is INVALID_ARGUMENT naming exactly these fields.</summary>
    public static async Task InvalidAsync<T>(AsyncUnaryCall<T> call, params string[] fields)
    {
        var error = await FailsAsync(StatusCode.InvalidArgument, call);
        var named = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).Order().ToArray() ?? [];
        Assert.Equal(fields.Order().ToArray(), named);
    }
}
