namespace Lodestar.AppHost.Seeding;

/// <summary>What the demo's metrics part recorded: events, users, NPS answers, and the running experiment's name.</summary>
public sealed record UsageSeed(int EventCount, int UserCount, int SurveyResponses, string Experiment);
