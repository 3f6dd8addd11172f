namespace Lodestar.Backlog.Domain.Products;

/// <summary>A criterion of a product's weighted scoring model.</summary>
public sealed record Criterion(string Key, string DisplayName, double Weight, string Description);
