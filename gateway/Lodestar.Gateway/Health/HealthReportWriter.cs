using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lodestar.Gateway.Health;

/// <summary>
/// Writes <c>/health</c> as JSON: the overall status, each backend service's by name, and the gateway's own
/// dependencies (its database, Redis).
/// </summary>
public static class HealthReportWriter
{
    public const string BackendTag = "backend";

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            backends = Entries(report, backend: true),
            dependencies = Entries(report, backend: false),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    private static Dictionary<string, object> Entries(HealthReport report, bool backend) =>
        report.Entries
            .Where(e => e.Value.Tags.Contains(BackendTag) == backend)
            .ToDictionary(e => e.Key, e => (object)new { status = e.Value.Status.ToString(), detail = e.Value.Description });
}
