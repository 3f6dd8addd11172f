using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging;

namespace BuildingBlocks.UnitTests;

public sealed class IntegrationEventTypesTests
{
    [Fact]
    public void Every_contract_event_resolves_by_its_stored_name()
    {
        var events = typeof(IntegrationEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract).ToList();
        Assert.Contains(typeof(BacklogItemShipped), events);
        Assert.All(events, t => Assert.Equal(t, IntegrationEventTypes.Resolve(IntegrationEventTypes.NameOf(t))));
    }

    [Fact]
    public void Only_integration_events_can_be_registered_or_resolved()
    {
        Assert.Throws<ArgumentException>(() => IntegrationEventTypes.Register(typeof(string)));
        Assert.Null(IntegrationEventTypes.Resolve("System.String"));
    }
}
