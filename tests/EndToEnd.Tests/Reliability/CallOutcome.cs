using Grpc.Core;

namespace EndToEnd.Tests.Reliability;

/// <summary>One call of a fault test's load: what it was, in which phase of the fault it started, how it ended and how long it took.</summary>
public sealed record CallOutcome(string Rpc, FaultPhase Phase, StatusCode Status, TimeSpan Elapsed, TimeSpan StartedAt, string Detail);
