namespace EndToEnd.Tests;

/// <summary>One platform for the whole suite: its tests run one after another (one stops RabbitMQ for a while), each in its own workspace.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
