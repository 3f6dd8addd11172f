using System.Text.RegularExpressions;
using Lodestar.Api;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>A hypothesis's fields applied from a request: every bad field named at once, then the persona and problem it names resolved.</summary>
public sealed partial class HypothesisEditor(DiscoveryDbContext db)
{
    public static readonly string[] Fields = ["change", "persona", "outcome", "metric_key", "minimum_effect", "problem", "backlog_item", "experiment", "status"];

    /// <summary>Applies the fields; true when the status changed (or was set on creation).</summary>
    public async Task<bool> ApplyAsync(Hypothesis hypothesis, V1.Hypothesis input, IReadOnlyList<string> paths, bool creating, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var status = hypothesis.Status;
        Guid? personaId = null, problemId = null;
        var (setPersona, setProblem) = (false, false);
        foreach (var path in paths)
        {
            switch (path)
            {
                case "change":
                    violations.RequiredText("hypothesis.change", input.Change, Hypothesis.MaxText);
                    hypothesis.Change = input.Change.Trim();
                    break;
                case "outcome":
                    violations.RequiredText("hypothesis.outcome", input.Outcome, Hypothesis.MaxText);
                    hypothesis.Outcome = input.Outcome.Trim();
                    break;
                case "metric_key":
                    if (!MetricKeyPattern().IsMatch(input.MetricKey))
                        violations.Add("hypothesis.metric_key", "Lower case letters, digits, dots, dashes and underscores, 1–100 characters.");
                    hypothesis.MetricKey = input.MetricKey;
                    break;
                case "minimum_effect":
                    if (!double.IsFinite(input.MinimumEffect) || input.MinimumEffect <= 0 || input.MinimumEffect > Hypothesis.MaxEffect)
                        violations.Add("hypothesis.minimum_effect", $"More than 0 and at most {Hypothesis.MaxEffect}; got {input.MinimumEffect}.");
                    hypothesis.MinimumEffect = input.MinimumEffect;
                    break;
                case "persona":
                    (setPersona, personaId) = (true, ResourceNames.ParseOptionalId(input.Persona, DiscoveryNames.Personas, "hypothesis.persona", violations));
                    break;
                case "problem":
                    (setProblem, problemId) = (true, ResourceNames.ParseOptionalId(input.Problem, DiscoveryNames.Problems, "hypothesis.problem", violations));
                    break;
                case "backlog_item":
                    hypothesis.BacklogItemId = ResourceNames.ParseOptionalId(input.BacklogItem, DiscoveryNames.BacklogItems, "hypothesis.backlog_item", violations);
                    break;
                case "experiment":
                    hypothesis.ExperimentId = ResourceNames.ParseOptionalId(input.Experiment, DiscoveryNames.Experiments, "hypothesis.experiment", violations);
                    break;
                case "status":
                    violations.DefinedEnum("hypothesis.status", input.Status, allowZero: creating);
                    hypothesis.Status = input.Status == V1.HypothesisStatus.Unspecified ? HypothesisStatus.Draft : (HypothesisStatus)input.Status;
                    break;
            }
        }
        violations.ThrowIfAny();
        if (setPersona)
        {
            hypothesis.PersonaId = personaId is { } persona
                ? (await db.FindPersonaAsync(ResourceNames.Format(DiscoveryNames.Personas, persona), "hypothesis.persona", cancellationToken)).Id
                : null;
        }
        if (setProblem)
        {
            var problem = problemId is { } id ? await db.FindProblemAsync(ResourceNames.Format(DiscoveryNames.Problems, id), "hypothesis.problem", cancellationToken) : null;
            if (problem is not null && problem.ProductId != hypothesis.ProductId)
                throw new ValidationException("hypothesis.problem", "The problem belongs to another product.");
            hypothesis.ProblemId = problem?.Id;
        }
        return creating || status != hypothesis.Status;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex MetricKeyPattern();
}
