using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Products;

/// <summary>A product's vision and positioning; one per product, created on its first update.</summary>
public sealed class Positioning : WorkspaceEntity
{
    public const int MaxVision = 2_000;
    public const int MaxPart = 300;

    public Guid ProductId { get; set; }

    public string Vision { get; set; } = "";

    public string TargetPersona { get; set; } = "";

    public string Need { get; set; } = "";

    public string Category { get; set; } = "";

    public string KeyBenefit { get; set; } = "";

    public string MainAlternative { get; set; } = "";

    public string Differentiator { get; set; } = "";

    /// <summary>The classic statement; a missing part shows as [its name] so the gap is visible.</summary>
    public string Statement(string productName)
    {
        static string Part(string value, string placeholder) => string.IsNullOrWhiteSpace(value) ? $"[{placeholder}]" : value.Trim();
        return $"For {Part(TargetPersona, "target persona")} who {Part(Need, "need")}, {productName} is a {Part(Category, "category")} " +
               $"that {Part(KeyBenefit, "key benefit")}. Unlike {Part(MainAlternative, "main alternative")}, it {Part(Differentiator, "differentiator")}.";
    }
}
