using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Infrastructure.Transfer;

/// <summary>One CSV row read into the API's insight shape; <see cref="PersonaName"/> is a display name to resolve, if given.</summary>
public sealed record InsightCsvRow(int Line, V1.Insight Insight, string? PersonaName);
