namespace Lodestar.Errors;

/// <summary>A resource with the same identity exists; maps to ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string resourceType, string resourceName)
    : LodestarException($"{resourceType} '{resourceName}' already exists.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}
