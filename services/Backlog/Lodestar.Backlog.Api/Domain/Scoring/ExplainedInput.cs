namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>One input of a score: its value and where it came from ("typed", "evidence", "survey").</summary>
public sealed record ExplainedInput(string Name, double Value, string Source, string Detail = "");
