using Google.Protobuf;
using Lodestar.Api;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Persistence;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// An analysis as the API shows it and as a conclusion keeps it: the ExperimentAnalysis message, stored as its JSON, so a
/// concluded experiment shows exactly the figures it was concluded on, whether a person or the monitor concluded it.
/// </summary>
public static class ExperimentSnapshot
{
    public static string ToJson(ExperimentFigures figures, DateTime at) => JsonFormatter.Default.Format(ToMessage(figures, at));

    public static V1.ExperimentAnalysis? Read(string? json) => json is null ? null : V1.ExperimentAnalysis.Parser.ParseJson(json);

    public static V1.ExperimentAnalysis ToMessage(ExperimentFigures figures, DateTime at)
    {
        var analysis = new V1.ExperimentAnalysis
        {
            SampleRatio = new V1.SampleRatio
            {
                ChiSquare = figures.SampleRatio.ChiSquare,
                DegreesOfFreedom = figures.SampleRatio.DegreesOfFreedom,
                PValue = figures.SampleRatio.PValue,
                Mismatch = figures.SampleRatio.Mismatch,
            },
            PlannedUsersPerVariant = figures.PlannedUsersPerVariant,
            PlannedSampleReached = figures.PlannedSampleReached,
            SequentialBoundaryCrossed = figures.SequentialBoundaryCrossed,
            RecommendedVerdict = (V1.Verdict)figures.Recommendation,
            Reason = figures.Reason,
            AnalysisTime = at.ToUtcTimestamp(),
        };
        foreach (var variant in figures.Variants.OrderByDescending(v => v.Variant.Control))
        {
            var result = new V1.VariantResult
            {
                Key = variant.Variant.Key,
                Control = variant.Variant.Control,
                Users = variant.Conversions.Users,
                Conversions = variant.Conversions.Converted,
                ConversionRate = variant.Conversions.Rate,
                SequentialPValue = variant.SequentialPValue,
                ChanceToBeatControl = variant.ChanceToBeatControl,
                PValue = 1,
            };
            if (variant.Comparison is { } comparison)
            {
                result.AbsoluteLift = comparison.AbsoluteLift;
                if (comparison.RelativeLift is { } relative) result.RelativeLift = relative;
                result.IntervalLow = comparison.IntervalLow;
                result.IntervalHigh = comparison.IntervalHigh;
                result.PValue = comparison.PValue;
            }
            if (variant.Sequential is { } sequential)
            {
                result.SequentialIntervalLow = sequential.IntervalLow;
                result.SequentialIntervalHigh = sequential.IntervalHigh;
            }
            analysis.Variants.Add(result);
        }
        analysis.Guardrails.AddRange(figures.Guardrails.Select(g => new V1.GuardrailResult
        {
            EventName = g.EventName, Variant = g.Variant, ControlRate = g.ControlRate, Rate = g.Rate, PValue = g.PValue, Breached = g.Breached,
        }));
        return analysis;
    }
}
