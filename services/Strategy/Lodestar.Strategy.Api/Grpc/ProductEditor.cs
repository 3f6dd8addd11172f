using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Products;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>A product from a create request, and an update mask applied to one; every bad field is named at once.</summary>
internal static class ProductEditor
{
    /// <summary>What an update without a mask changes.</summary>
    public static readonly string[] DefaultFields = ["display_name", "description"];

    public static Product Create(V1.Product input)
    {
        new Violations()
            .RequiredText("product.display_name", input.DisplayName, Product.MaxDisplayName)
            .OptionalText("product.description", input.Description, Product.MaxDescription)
            .DefinedEnum("product.stage", input.Stage, allowZero: true)
            .ThrowIfAny();
        return new Product
        {
            DisplayName = input.DisplayName.Trim(),
            Description = input.Description,
            Stage = input.Stage == V1.LifecycleStage.Unspecified ? LifecycleStage.Introduction : (LifecycleStage)input.Stage,
        };
    }

    public static void Apply(Product product, V1.Product input, Google.Protobuf.WellKnownTypes.FieldMask? mask)
    {
        // Every path is checked here rather than by FieldMasks.Require, so a refusal names all bad fields at once and
        // "stage" is answered with the way it does change.
        var paths = mask is { Paths.Count: > 0 } ? FieldMasks.Paths(mask) : DefaultFields;
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name":
                    violations.RequiredText("product.display_name", input.DisplayName, Product.MaxDisplayName);
                    product.DisplayName = input.DisplayName.Trim();
                    break;
                case "description":
                    violations.OptionalText("product.description", input.Description, Product.MaxDescription);
                    product.Description = input.Description;
                    break;
                case "stage":
                    violations.Add("update_mask", "The stage changes only through a stage review (CreateStageReview).");
                    break;
                case "stage_metric_key":
                    if (!product.TryUseStageMetric(input.StageMetricKey, StageSuggestionOptions.PeriodDays.Keys))
                        violations.Add("product.stage_metric_key", $"One of {string.Join(", ", StageSuggestionOptions.PeriodDays.Keys)}, or empty for the default.");
                    break;
                default:
                    violations.Add("update_mask", $"'{path}' is not an updatable field: use display_name, description or stage_metric_key.");
                    break;
            }
        }
        violations.ThrowIfAny();
    }
}
