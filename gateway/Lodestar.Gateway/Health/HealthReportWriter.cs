using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lodestar.Gateway.Health;

/// <summary>Writes <c>/health</c> as JSON: the overall status and each backend's by name.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            backends = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), detail = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
