using Google.Protobuf;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace Lodestar.ServiceDefaults;

/// <summary>
/// Refuses REST bodies with fields the proto message does not define (a typo such as <c>evnetName</c> would otherwise
/// be dropped silently and the request half-applied): the body is checked against the method's request message with
/// protobuf's own JSON parser, which rejects unknown fields, before transcoding reads it. 400 with a google.rpc.Status.
/// </summary>
public sealed class StrictJsonBodyMiddleware(RequestDelegate next)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        var rule = metadata?.HttpRule.Body;
        var message = string.IsNullOrEmpty(rule) ? null
            : rule == "*" ? metadata!.MethodDescriptor.InputType
            : metadata!.MethodDescriptor.InputType.FindFieldByName(rule)?.MessageType;
        if (message is null || !HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPatch(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        if (!string.IsNullOrWhiteSpace(body) && Problem(body, message) is { } problem)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonFormatter.Default.Format(new Google.Rpc.Status { Code = (int)Google.Rpc.Code.InvalidArgument, Message = problem }), context.RequestAborted);
            return;
        }
        await next(context);
    }

    private static string? Problem(string body, Google.Protobuf.Reflection.MessageDescriptor message)
    {
        try
        {
            Parser.Parse(body, message);
            return null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            return "Invalid request body: " + ex.Message;
        }
        catch (InvalidJsonException ex)
        {
            return "Invalid JSON: " + ex.Message;
        }
    }
}
