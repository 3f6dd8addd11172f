namespace Lodestar.AppHost.Dashboard;

/// <summary>What the dashboard offers beyond resources: the gateway, its API reference, and a development token.</summary>
public sealed record DashboardLinks(Uri Gateway, Uri ApiReference, Guid Workspace, string Token);
