namespace Lodestar.Errors;

/// <summary>The named resource does not exist in the caller's workspace; maps to NOT_FOUND.</summary>
public sealed class NotFoundException(string resourceType, string resourceName)
    : LodestarException($"{resourceType} '{resourceName}' was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}
