namespace Lodestar.Errors;

/// <summary>The caller may not do this in this workspace; maps to PERMISSION_DENIED.</summary>
public sealed class PermissionDeniedException(string reason, string message) : LodestarException(message)
{
    /// <summary>An ErrorReason name from lodestar.common.v1, e.g. ERROR_REASON_ROLE_INSUFFICIENT.</summary>
    public string Reason { get; } = reason;
}
