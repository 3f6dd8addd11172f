using System.Text;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost.Seeding;

/// <summary>The seed's progress lines as app host log entries, so they reach the console and the dashboard alike.</summary>
internal sealed class LoggerWriter(ILogger logger) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        if (!string.IsNullOrEmpty(value)) logger.LogInformation("{Progress}", value);
    }
}
