namespace EndToEnd.Tests.Reliability;

/// <summary>The fault suite's platform: its tests run one after another, since each breaks a part the others use.</summary>
[CollectionDefinition(Name)]
public sealed class FaultPlatform : ICollectionFixture<FaultPlatformFixture>
{
    public const string Name = "faults";
}
