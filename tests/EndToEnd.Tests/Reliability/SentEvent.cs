namespace EndToEnd.Tests.Reliability;

/// <summary>A product event as the fault suite sends it, kept to compute what the aggregates must say.</summary>
public sealed record SentEvent(string Id, string User, string Name, DateTime Time);
