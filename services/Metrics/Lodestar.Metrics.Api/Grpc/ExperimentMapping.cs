using Google.Protobuf.WellKnownTypes;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>Experiments and their analyses as messages.</summary>
public static class ExperimentMapping
{
    public static string NameOf(Experiment experiment) => ResourceNames.Format(MetricsNames.Products, experiment.ProductId, MetricsNames.Experiments, experiment.Id);

    public static V1.Experiment ToProto(Experiment experiment)
    {
        var message = new V1.Experiment
        {
            Name = NameOf(experiment),
            Key = experiment.Key,
            DisplayName = experiment.DisplayName,
            Description = experiment.Description,
            Hypothesis = experiment.HypothesisId is { } hypothesis ? ResourceNames.Format(MetricsNames.Hypotheses, hypothesis) : "",
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

    /// <summary>The user an assignment is for: exactly one of a user id and an anonymous id, as events name users.</summary>
    public static string DistinctId(V1.AssignVariantRequest request)
    {
        var violations = new Violations();
        if (string.IsNullOrEmpty(request.UserId) == string.IsNullOrEmpty(request.AnonymousId))
            violations.Add("user_id", "Exactly one of user_id and anonymous_id is required.");
        violations.OptionalText("user_id", request.UserId, EventRules.MaxIdentity);
        violations.OptionalText("anonymous_id", request.AnonymousId, EventRules.MaxIdentity);
        violations.ThrowIfAny();
        return string.IsNullOrEmpty(request.UserId) ? ProductUser.ForAnonymous(request.AnonymousId) : ProductUser.ForUser(request.UserId);
    }
}
