namespace Lodestar.Errors;

/// <summary>The request conflicts with the resource's current state; maps to FAILED_PRECONDITION.</summary>
public sealed class FailedPreconditionException(string message) : LodestarException(message);
