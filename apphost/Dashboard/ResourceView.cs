namespace Lodestar.AppHost.Dashboard;

/// <summary>One resource as the dashboard lists it.</summary>
public sealed record ResourceView(
    string Name,
    string Kind,
    string State,
    int? ProcessId,
    IReadOnlyDictionary<string, string> Endpoints,
    string Health,
    int Restarts,
    string? LastExit);
