namespace Lodestar.AppHost.Orchestration;

/// <summary>Where a supervised process is in its life, as the dashboard shows it.</summary>
public enum ResourceState
{
    Starting,
    Running,
    Restarting,
    Failed,
    Stopping,
    Stopped,
}
