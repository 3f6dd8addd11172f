namespace EndToEnd.Tests.Reliability;

/// <summary>
/// The fault suite's platform, with servers of its own so that stopping them disturbs no other suite. Its tests run one
/// after another, since each breaks a part the others use, and after every other collection, alone on the machine, so
/// the rates and deadlines they check meet no other suite's load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultPlatform : ICollectionFixture<FaultPlatformFixture>
{
    public const string Name = "faults";
}
