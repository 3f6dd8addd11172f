using Lodestar.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Lodestar.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (ConnectionStrings__eventbus), endpoints named "{service}-{consumer}", immediate retries
    /// then the _error queue, and the outbox relay of <typeparamref name="TContext"/>. The broker's health check reports
    /// Degraded, not Unhealthy, while it is away: writes still succeed into the outbox.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("eventbus")
            ?? throw new InvalidOperationException("ConnectionStrings__eventbus (amqp://user:password@host:port/vhost) is required.");
        var messaging = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.BatchSize > 0 && o.PollInterval > TimeSpan.Zero && o.PublishTimeout > TimeSpan.Zero && o.MaxBackoff > TimeSpan.Zero && o.Retention > TimeSpan.Zero,
                $"{OutboxOptions.SectionName}: BatchSize, PollInterval, PublishTimeout, MaxBackoff and Retention must be positive.")
            .ValidateOnStart();

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSignalInterceptor>();
        builder.Services.AddSingleton<IInterceptor, OutboxCommitInterceptor>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "eventbus";
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add("ready");
            });
            addConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host =>
                {
                    host.PublisherConfirmation = true;
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                rabbit.PrefetchCount = messaging.PrefetchCount;
                rabbit.UseMessageRetry(retry => retry.Immediate(messaging.ImmediateRetries));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
