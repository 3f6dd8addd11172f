using System.Collections.Concurrent;
using Lodestar.Contracts.IntegrationEvents;

namespace Lodestar.Messaging;

/// <summary>Resolves stored event type names back to types; only IntegrationEvent subclasses are accepted.</summary>
public static class IntegrationEventTypes
{
    private static readonly ConcurrentDictionary<string, Type> Known = new(
        typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(IsEvent)
            .ToDictionary(t => t.FullName!, t => t));

    /// <summary>Registers events defined outside the contracts assembly (tests, service-private events).</summary>
    public static void Register(Type type)
    {
        if (!IsEvent(type)) throw new ArgumentException($"{type} is not a concrete IntegrationEvent.", nameof(type));
        Known[type.FullName!] = type;
    }

    public static string NameOf(Type type) => type.FullName!;

    public static Type? Resolve(string name) => Known.GetValueOrDefault(name);

    private static bool IsEvent(Type t) => t is { IsAbstract: false, IsClass: true } && typeof(IntegrationEvent).IsAssignableFrom(t);
}
