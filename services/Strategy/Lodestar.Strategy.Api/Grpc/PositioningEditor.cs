using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Products;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>Applies an update mask of a product's positioning: each field is optional text of its own length.</summary>
internal static class PositioningEditor
{
    private static readonly Dictionary<string, (Func<V1.Positioning, string> Read, Action<Positioning, string> Write, int Max)> Fields = new()
    {
        ["vision"] = (p => p.Vision, (p, v) => p.Vision = v, Positioning.MaxVision),
        ["target_persona"] = (p => p.TargetPersona, (p, v) => p.TargetPersona = v, Positioning.MaxPart),
        ["need"] = (p => p.Need, (p, v) => p.Need = v, Positioning.MaxPart),
        ["category"] = (p => p.Category, (p, v) => p.Category = v, Positioning.MaxPart),
        ["key_benefit"] = (p => p.KeyBenefit, (p, v) => p.KeyBenefit = v, Positioning.MaxPart),
        ["main_alternative"] = (p => p.MainAlternative, (p, v) => p.MainAlternative = v, Positioning.MaxPart),
        ["differentiator"] = (p => p.Differentiator, (p, v) => p.Differentiator = v, Positioning.MaxPart),
    };

    public static void Apply(Positioning positioning, V1.Positioning input, Google.Protobuf.WellKnownTypes.FieldMask? mask)
    {
        var violations = new Violations();
        foreach (var path in FieldMasks.OrAll(mask, [.. Fields.Keys]))
        {
            var (read, write, max) = Fields[path];
            violations.OptionalText($"positioning.{path}", read(input), max);
            write(positioning, read(input).Trim());
        }
        violations.ThrowIfAny();
    }
}
