namespace BuildingBlocks.FunctionalTests.Messaging;

/// <summary>Tests that stop the shared broker or restart a publisher run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(BrokerOutageCollection), DisableParallelization = true)]
public sealed class BrokerOutageCollection;
