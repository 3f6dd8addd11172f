using Google.Protobuf.WellKnownTypes;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>Experiments and their analyses as messages.</summary>
public static class ExperimentMapping
{
    public static string NameOf(Experiment experiment) => ResourceNames.Format(Lookups.Products, experiment.ProductId, Lookups.Experiments, experiment.Id);

    public static V1.Experiment ToProto(Experiment experiment)
    {
        var message = new V1.Experiment
        {
            Name = NameOf(experiment),
            Key = experiment.Key,
            DisplayName = experiment.DisplayName,
            Description = experiment.Description,
            Hypothesis = experiment.HypothesisId is { } hypothesis ? ResourceNames.Format(Lookups.Hypotheses, hypothesis) : "",
            Variants = { experiment.Variants.Select(v => new V1.Variant { Key = v.Key, WeightPercent = v.WeightPercent, Control = v.Control }) },
            ConversionEvent = experiment.ConversionEvent,
            Guardrails = { experiment.Guardrails.Select(g => new V1.Guardrail { EventName = g.EventName, Direction = (V1.GuardrailDirection)g.Direction }) },
            BaselineConversionRate = experiment.BaselineRate,
            MinimumDetectableEffect = experiment.MinimumDetectableEffect,
            Power = experiment.Power,
            Alpha = experiment.Alpha,
            State = (V1.ExperimentState)experiment.State,
            StartTime = experiment.StartTime.ToProto(),
            EndTime = experiment.EndTime.ToProto(),
            PlannedUsersPerVariant = experiment.PlannedUsersPerVariant,
            Metadata = experiment.ToMetadata(),
        };
        if (experiment.State == ExperimentState.Concluded)
        {
            message.Conclusion = new V1.Conclusion
            {
                Verdict = (V1.Verdict)experiment.Verdict,
                Reason = experiment.ConclusionReason,
                Automatic = experiment.ConcludedAutomatically,
                Analysis = experiment.ConclusionAnalysis is { } json ? V1.ExperimentAnalysis.Parser.ParseJson(json) : null,
            };
        }
        return message;
    }

    public static V1.ExperimentAnalysis ToProto(ExperimentFigures figures, DateTime at)
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
            AnalysisTime = at.ToProto(),
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
