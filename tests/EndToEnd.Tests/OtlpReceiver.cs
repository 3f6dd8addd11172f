using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EndToEnd.Tests;

/// <summary>
/// A minimal OTLP/HTTP (protobuf) collector on a loopback port: it accepts what exporters post to /v1/traces,
/// /v1/metrics and /v1/logs and remembers which service (the resource's service.name) sent each signal.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Signal, string Service), int> _received = new();
    private readonly IReadOnlyList<string> _services;

    private OtlpReceiver(WebApplication app, IReadOnlyList<string> services)
    {
        _app = app;
        _services = services;
    }

    public Uri Endpoint => new(_app.Urls.First());

    public static async Task<OtlpReceiver> StartAsync(IReadOnlyList<string> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, services);
        app.MapPost("/v1/{signal}", receiver.AcceptAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>How many exports of <paramref name="signal"/> (traces, metrics, logs) came from <paramref name="service"/>.</summary>
    public int Count(string signal, string service) => _received.GetValueOrDefault((signal, service));

    private async Task<IResult> AcceptAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        foreach (var service in _services.Where(s => bytes.AsSpan().IndexOf(ServiceNameAttribute(s)) >= 0))
            _received.AddOrUpdate((signal, service), 1, (_, n) => n + 1);
        // An empty Export*ServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>The protobuf bytes of the KeyValue service.name = <paramref name="service"/> (key field 1, AnyValue.string_value field 1).</summary>
    private static byte[] ServiceNameAttribute(string service)
    {
        var name = Encoding.UTF8.GetBytes(service);
        return [.. Encoding.UTF8.GetBytes("service.name"), 0x12, (byte)(name.Length + 2), 0x0A, (byte)name.Length, .. name];
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
