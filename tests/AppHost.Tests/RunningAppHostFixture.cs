namespace AppHost.Tests;

/// <summary>One real app host, started as a developer starts it, for the tests that look at it from outside.</summary>
public sealed class RunningAppHostFixture : IAsyncLifetime
{
    public AppHostProcess AppHost { get; private set; } = null!;

    public async ValueTask InitializeAsync() => AppHost = await AppHostProcess.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (AppHost is not null) await AppHost.DisposeAsync();
    }
}
