using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Infrastructure;

/// <summary>The discovery service with a clock the test moves, starting 90 days ago at 06:00 UTC (one clock per host).</summary>
public sealed class DiscoveryClockHosts(InfrastructureFixture infrastructure) : DiscoveryHosts(infrastructure)
{
    public static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddDays(-90).AddHours(6), TimeSpan.Zero);

    protected override void Compose(WebApplicationBuilder builder)
    {
        base.Compose(builder);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
    }

    public FakeTimeProvider Clock(DatabaseProvider provider) => (FakeTimeProvider)Host(provider).Services.GetRequiredService<TimeProvider>();
}
