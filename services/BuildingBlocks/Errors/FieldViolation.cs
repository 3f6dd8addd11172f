namespace Lodestar.Errors;

/// <summary>One invalid request field: its path in request-message notation (e.g. "item.title") and why.</summary>
public sealed record FieldViolation(string Field, string Description);
