using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Lodestar.Api;
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
/// The gateway's own unary services get the same check of their requests.
/// </summary>
public sealed class GrpcRequestValidationMiddleware(RequestDelegate next, IOptions<GatewayLimits> limits)
{
    private const int HeaderLength = 5;
    private static readonly Dictionary<string, MethodDescriptor> UnaryMethods = Unary(proxied: true);
    private static readonly Dictionary<string, MethodDescriptor> OwnUnaryMethods = Unary(proxied: false);

    private readonly long _limit = limits.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!EdgeErrors.IsGrpc(http.Request))
        {
            await next(http);
            return;
        }
        if (http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is null)
        {
            await CheckOwnAsync(http);
            return;
        }
        // gRPC-Web text is decoded and encoded on the body pipes only, and shrinks when decoded: forward what the
        // request pipe reads, without the declared length, and write the answer to the response pipe.
        http.Request.ContentLength = null;
        if (GrpcWebText.Is(http)) http.Response.Body = new SizedPipeWriterStream(http.Response.BodyWriter);
        if (!UnaryMethods.TryGetValue(http.Request.Path.Value ?? "", out var method))
        {
            http.Request.Body = http.Request.BodyReader.AsStream();
            await next(http);
            return;
        }
        // The limit here is per message, and checked below; YARP would lift Kestrel's for gRPC anyway.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit) kestrelLimit.MaxRequestBodySize = null;
        if (!await ReplaceWithCheckedBodyAsync(http, method)) return;
        http.Features.Set<IHttpMaxRequestBodySizeFeature>(null); // read already: nothing left for YARP to lift
        await next(http);
    }

    /// <summary>
    /// The gateway's own services (workspaces, API keys) parse their requests before any interceptor runs, where a
    /// malformed one would end as UNKNOWN: the same check answers INVALID_ARGUMENT instead.
    /// </summary>
    private async Task CheckOwnAsync(HttpContext http)
    {
        if (GrpcWebText.Is(http) || !OwnUnaryMethods.TryGetValue(http.Request.Path.Value ?? "", out var method))
        {
            await next(http);
            return;
        }
        if (await ReplaceWithCheckedBodyAsync(http, method)) await next(http);
    }

    /// <summary>Reads the body and checks it: answers the refusal and returns false, or puts the read body back.</summary>
    private async Task<bool> ReplaceWithCheckedBodyAsync(HttpContext http, MethodDescriptor method)
    {
        var body = await ReadAsync(http.Request.BodyReader, _limit + HeaderLength + 1, http.RequestAborted);
        if (Refusal(body, method, http.Request.Headers["grpc-encoding"].ToString()) is { } refusal)
        {
            await EdgeErrors.WriteAsync(http, refusal);
            return false;
        }
        http.Request.Body = new MemoryStream(body, writable: false);
        http.Request.ContentLength = body.Length;
        return true;
    }

    private static Dictionary<string, MethodDescriptor> Unary(bool proxied) => ProtoRoutes.Services()
        .Where(s => (ProtoRoutes.AreaOf(s) != ProtoRoutes.GatewayArea) == proxied)
        .SelectMany(s => s.Methods)
        .Where(m => !ProtoRoutes.IsStreaming(m))
        .ToDictionary(m => $"/{m.Service.FullName}/{m.Name}", StringComparer.Ordinal);

    private Google.Rpc.Status? Refusal(byte[] body, MethodDescriptor method, string encoding)
    {
        if (body.Length > _limit + HeaderLength || (body.Length >= HeaderLength && BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)) > _limit))
            return ErrorMappingInterceptor.Build(Code.ResourceExhausted, $"The request message is larger than the gateway accepts ({_limit:N0} bytes).", "ERROR_REASON_REQUEST_TOO_LARGE");
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

    private static Google.Rpc.Status Invalid(string message) => ErrorMappingInterceptor.Build(Code.InvalidArgument, message, "ERROR_REASON_VALIDATION_FAILED");


    /// <summary>
    /// The body, or its first <paramref name="max"/> bytes when it is longer. Everything read is consumed at once: the
    /// gRPC-Web text reader cannot hand back a partly examined base64 group.
    /// </summary>
    private static async Task<byte[]> ReadAsync(PipeReader reader, long max, CancellationToken cancellationToken)
    {
        var collected = new ArrayBufferWriter<byte>(256);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            foreach (var segment in result.Buffer)
            {
                var take = (int)Math.Min(segment.Length, max - collected.WrittenCount);
                collected.Write(segment.Span[..take]);
                if (collected.WrittenCount >= max) break;
            }
            reader.AdvanceTo(result.Buffer.End);
            if (collected.WrittenCount >= max || result.IsCompleted) return collected.WrittenSpan.ToArray();
        }
    }
}
