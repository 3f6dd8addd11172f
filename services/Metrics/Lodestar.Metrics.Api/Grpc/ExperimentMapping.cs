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
            StartTime = experiment.StartTime.ToUtcTimestamp(),
            EndTime = experiment.EndTime.ToUtcTimestamp(),
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
                Analysis = ExperimentSnapshot.Read(experiment.ConclusionAnalysis),
            };
        }
        return message;
    }
}
