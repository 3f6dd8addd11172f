using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Lodestar.Errors;
using Lodestar.Gateway.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;
using Code = Google.Rpc.Code;

namespace Lodestar.Gateway.Hygiene;

/// <summary>
/// Checks a unary gRPC call's request before it is forwarded: one length-prefixed message, no larger than the limit
/// (RESOURCE_EXHAUSTED), framed as announced and, unless compressed, valid protobuf of the method's request type
/// (INVALID_ARGUMENT). YARP lifts the body limit for gRPC, and a malformed frame would otherwise reach the service and
/// come back as INTERNAL. Streaming calls pass through; the services hold each of their messages to the same limit.
/// Only proxied calls: the gateway's own services read their requests themselves.
/// </summary>
public sealed class GrpcRequestValidationMiddleware(RequestDelegate next, IOptions<GatewayLimits> limits)
{
    private const int HeaderLength = 5;
    private static readonly Dictionary<string, MethodDescriptor> UnaryMethods = ProtoRoutes.Services()
        .Where(s => ProtoRoutes.AreaOf(s) != ProtoRoutes.GatewayArea)
        .SelectMany(s => s.Methods)
        .Where(m => !ProtoRoutes.IsStreaming(m))
        .ToDictionary(m => $"/{m.Service.FullName}/{m.Name}", StringComparer.Ordinal);

    private readonly long _limit = limits.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!EdgeErrors.IsGrpc(http.Request) || http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is null)
        {
            await next(http);
            return;
        }
        // gRPC-Web text is decoded and encoded on the body pipes only, and shrinks when decoded: forward what the
        // request pipe reads, without the declared length, and write the answer to the response pipe.
        http.Request.ContentLength = null;
        var decoded = http.Request.BodyReader.AsStream();
        http.Response.Body = new SizedPipeWriterStream(http.Response.BodyWriter);
        if (!UnaryMethods.TryGetValue(http.Request.Path.Value ?? "", out var method))
        {
            http.Request.Body = decoded;
            await next(http);
            return;
        }
        // The limit here is per message, and checked below; YARP would lift Kestrel's for gRPC anyway.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit) kestrelLimit.MaxRequestBodySize = null;
        var body = await ReadAsync(decoded, _limit + HeaderLength + 1, http.RequestAborted);
        if (Refusal(body, method, http.Request.Headers["grpc-encoding"].ToString()) is { } refusal)
        {
            await EdgeErrors.WriteAsync(http, refusal);
            return;
        }
        http.Request.Body = new MemoryStream(body, writable: false);
        http.Request.ContentLength = body.Length;
        http.Features.Set<IHttpMaxRequestBodySizeFeature>(null); // read already: nothing left for YARP to lift
        await next(http);
    }

    private Google.Rpc.Status? Refusal(byte[] body, MethodDescriptor method, string encoding)
    {
        if (body.Length > _limit + HeaderLength || (body.Length >= HeaderLength && BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)) > _limit))
            return Status(Code.ResourceExhausted, $"The request message is larger than the gateway accepts ({_limit:N0} bytes).", "ERROR_REASON_REQUEST_TOO_LARGE");
        if (body.Length < HeaderLength)
            return Invalid("The request ends inside the gRPC message header.");
        var compressed = body[0];
        if (compressed > 1)
            return Invalid("The gRPC message header has an unknown compression flag.");
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        if (body.Length != HeaderLength + length)
        {
            return Invalid(body.Length < HeaderLength + length
                ? $"The request ends inside its message: {body.Length - HeaderLength:N0} of {length:N0} bytes."
                : "A unary call carries exactly one message.");
        }
        if (compressed == 1)
            return encoding is "" or "identity" ? Invalid("The message is marked compressed but the call names no grpc-encoding.") : null;
        try
        {
            method.InputType.Parser.ParseFrom(body.AsSpan(HeaderLength));
            return null;
        }
        catch (InvalidProtocolBufferException)
        {
            return Invalid($"The request message is not a valid {method.InputType.FullName}.");
        }
    }

    private static Google.Rpc.Status Invalid(string message) => Status(Code.InvalidArgument, message, "ERROR_REASON_VALIDATION_FAILED");

    private static Google.Rpc.Status Status(Code code, string message, string reason) =>
        Lodestar.ServiceDefaults.ErrorMappingInterceptor.Build(code, message, reason);

    /// <summary>The body, or its first <paramref name="max"/> bytes when it is longer.</summary>
    private static async Task<byte[]> ReadAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < max && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
