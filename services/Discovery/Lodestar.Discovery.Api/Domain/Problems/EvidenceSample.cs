namespace Lodestar.Discovery.Domain.Problems;

/// <summary>What the evidence summary needs of one linked insight.</summary>
public sealed record EvidenceSample(Guid InsightId, string AccountId, Guid? PersonaId, int Importance, double? Satisfaction, DateTime CaptureTime);
