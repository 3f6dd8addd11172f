using Lodestar.Discovery.Domain.Insights;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>What a list of insights is narrowed to; every part is optional (null or empty: no filter).</summary>
public sealed record InsightFilter(
    string Query,
    IReadOnlyList<string> Tags,
    Guid? PersonaId,
    Guid? ProductId,
    Guid? ProblemId,
    IReadOnlyList<InsightSource> Sources,
    string CustomerAccountId,
    DateTime? CapturedFrom,
    DateTime? CapturedBefore);
