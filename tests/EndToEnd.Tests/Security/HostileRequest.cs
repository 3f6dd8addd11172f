namespace EndToEnd.Tests.Security;

/// <summary>
/// A request body no well-behaved client sends. <paramref name="Plausible"/> marks values a service may rightly accept
/// (an injection string is still a string); the others must all be refused.
/// </summary>
public sealed record HostileRequest(string Label, byte[] Body, bool Plausible);
