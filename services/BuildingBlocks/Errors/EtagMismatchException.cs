namespace Lodestar.Errors;

/// <summary>The caller's etag is stale (or a concurrent write won); maps to ABORTED: re-read and retry.</summary>
public sealed class EtagMismatchException : LodestarException
{
    public EtagMismatchException(string resourceType, string resourceName)
        : base($"{resourceType} '{resourceName}' was changed by someone else: read it again and retry.") { }

    public EtagMismatchException(string message, Exception innerException) : base(message, innerException) { }
}
