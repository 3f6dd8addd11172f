using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lodestar.Testing;

/// <summary>
/// Watches integration events on the real broker, as a third party would: an exclusive queue bound to the exchange
/// MassTransit publishes each event type to ("Namespace:TypeName"). Holds the message part of each envelope.
/// </summary>
public sealed class BrokerProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Type, JsonElement Message)> _received = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BrokerProbe(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<BrokerProbe> StartAsync(string eventBus, params Type[] eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(eventBus) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var probe = new BrokerProbe(connection, channel);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in eventTypes)
        {
            var exchange = $"{type.Namespace}:{type.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var type = envelope.RootElement.GetProperty("messageType")[0].GetString() ?? "";
            probe._received.Enqueue((type[(type.LastIndexOf(':') + 1)..], envelope.RootElement.GetProperty("message").Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return probe;
    }

    /// <summary>Waits for an event of type <typeparamref name="T"/> whose message matches, and returns it.</summary>
    public async Task<JsonElement> WaitForAsync<T>(Func<JsonElement, bool> matches, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (type, message) in _received)
                if (type == typeof(T).Name && matches(message)) return message;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {typeof(T).Name} matching the condition arrived; received: {string.Join(", ", _received.Select(r => r.Type))}.");
    }

    /// <summary>All events of type <typeparamref name="T"/> received so far.</summary>
    public IReadOnlyList<JsonElement> All<T>() => _received.Where(r => r.Type == typeof(T).Name).Select(r => r.Message).ToList();

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
