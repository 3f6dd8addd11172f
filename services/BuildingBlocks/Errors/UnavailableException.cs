namespace Lodestar.Errors;

/// <summary>A dependency the request needs does not answer now; the caller may retry later. Maps to UNAVAILABLE.</summary>
public sealed class UnavailableException(string message, Exception? innerException = null) : LodestarException(message, innerException);
