using Lodestar.Api;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>Domain ⇄ API shapes of hypotheses.</summary>
public static class HypothesisMapping
{
    public static V1.Hypothesis ToProto(this Hypothesis hypothesis, IReadOnlyDictionary<Guid, string> personaNames)
    {
        var proto = new V1.Hypothesis
        {
            Name = ResourceNames.Format(DiscoveryNames.Hypotheses, hypothesis.Id),
            Product = ResourceNames.Format(DiscoveryNames.Products, hypothesis.ProductId),
            Change = hypothesis.Change,
            Persona = hypothesis.PersonaId is { } persona ? ResourceNames.Format(DiscoveryNames.Personas, persona) : "",
            Outcome = hypothesis.Outcome,
            MetricKey = hypothesis.MetricKey,
            MinimumEffect = hypothesis.MinimumEffect,
            Problem = hypothesis.ProblemId is { } problem ? ResourceNames.Format(DiscoveryNames.Problems, problem) : "",
            Experiment = hypothesis.ExperimentId is { } experiment ? ResourceNames.Format(DiscoveryNames.Experiments, experiment) : "",
            BacklogItem = hypothesis.BacklogItemId is { } item ? ResourceNames.Format(DiscoveryNames.BacklogItems, item) : "",
            Status = (V1.HypothesisStatus)hypothesis.Status,
            Statement = hypothesis.Statement(hypothesis.PersonaId is { } id ? personaNames.GetValueOrDefault(id) : null),
            Metadata = hypothesis.ToMetadata(),
        };
        if (hypothesis.Result is { } result)
        {
            proto.Result = new V1.ExperimentResult
            {
                Experiment = ResourceNames.Format(DiscoveryNames.Experiments, result.ExperimentId), Verdict = result.Verdict, ConcludeTime = result.ConcludedAt.ToUtcTimestamp(),
                Variant = result.Variant ?? "", MinimumEffect = result.MinimumEffect ?? 0, Reason = result.Reason ?? "",
            };
            if (result.PValue is { } p) proto.Result.PValue = p;
            if (result.RelativeLift is { } lift) proto.Result.RelativeLift = lift;
            if (result.IntervalLow is { } low) proto.Result.RelativeIntervalLow = low;
            if (result.IntervalHigh is { } high) proto.Result.RelativeIntervalHigh = high;
        }
        return proto;
    }
}
