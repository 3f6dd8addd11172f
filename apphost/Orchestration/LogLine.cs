namespace Lodestar.AppHost.Orchestration;

/// <summary>One console line of a process: its number in the process's log, when, and whether it came on stderr.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset Time, string Text, bool IsError);
