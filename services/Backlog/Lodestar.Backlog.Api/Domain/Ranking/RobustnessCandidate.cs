using Lodestar.Backlog.Domain.Scoring;

namespace Lodestar.Backlog.Domain.Ranking;

/// <summary>A scored item for rank robustness: its score with typed values, and how to score it with sampled ones.</summary>
public sealed record RobustnessCandidate(Guid Id, string Title, double Score, Func<InputReader, double?> Rescore, IReadOnlyList<InputRange> Ranges);
