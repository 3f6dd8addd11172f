namespace Lodestar.Errors;

/// <summary>The caller presented no credential, or one that is not valid; maps to UNAUTHENTICATED.</summary>
public sealed class UnauthenticatedException(string message) : LodestarException(message);
