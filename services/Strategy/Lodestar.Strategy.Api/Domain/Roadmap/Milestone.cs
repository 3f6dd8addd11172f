namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>A dated step of an initiative; stored as JSON with it.</summary>
public sealed record Milestone(string Title, DateOnly Date, bool Done);
