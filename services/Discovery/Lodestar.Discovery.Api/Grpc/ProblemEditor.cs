using Lodestar.Api;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>A problem's fields applied from a request: every bad field named at once, then the personas it names resolved.</summary>
public sealed class ProblemEditor(DiscoveryDbContext db)
{
    public static readonly string[] Fields = ["title", "when", "want", "so_that", "personas", "status", "goals", "solutions"];

    private const int MaxLinks = 1_000;

    /// <summary>The insights a link or unlink request names: at least one, each well formed.</summary>
    public static List<Guid> InsightIds(Google.Protobuf.Collections.RepeatedField<string> names)
    {
        var violations = new Violations();
        if (names.Count == 0) violations.Add("insights", "Name at least one insight.");
        var ids = ResourceNames.ParseMany(names, DiscoveryNames.Insights, "insights", MaxLinks, violations).Select(n => n.Id).Distinct().ToList();
        violations.ThrowIfAny();
        return ids;
    }

    public async Task ApplyAsync(Problem problem, V1.Problem input, IReadOnlyList<string> paths, bool creating, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        List<(string Name, Guid Id)>? personas = null;
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("problem.title", input.Title, Problem.MaxTitle);
                    problem.Title = input.Title.Trim();
                    break;
                case "when":
                    violations.OptionalText("problem.when", input.When, Problem.MaxPart);
                    problem.When = input.When.Trim();
                    break;
                case "want":
                    violations.OptionalText("problem.want", input.Want, Problem.MaxPart);
                    problem.Want = input.Want.Trim();
                    break;
                case "so_that":
                    violations.OptionalText("problem.so_that", input.SoThat, Problem.MaxPart);
                    problem.SoThat = input.SoThat.Trim();
                    break;
                case "personas":
                    personas = ResourceNames.ParseMany(input.Personas, DiscoveryNames.Personas, "problem.personas", Problem.MaxPersonas, violations);
                    break;
                case "goals":
                    problem.GoalIds = [.. ResourceNames.ParseMany(input.Goals, DiscoveryNames.Goals, "problem.goals", Problem.MaxGoals, violations).Select(g => g.Id).Distinct()];
                    break;
                case "solutions":
                    problem.SolutionIds = [.. ResourceNames.ParseMany(input.Solutions, DiscoveryNames.BacklogItems, "problem.solutions", Problem.MaxSolutions, violations).Select(g => g.Id).Distinct()];
                    break;
                case "status":
                    violations.DefinedEnum("problem.status", input.Status, allowZero: creating);
                    problem.Status = input.Status == V1.ProblemStatus.Unspecified ? ProblemStatus.New : (ProblemStatus)input.Status;
                    break;
            }
        }
        violations.ThrowIfAny();
        if (personas is null) return;
        var ids = personas.Select(p => p.Id).Distinct().ToList();
        var known = await db.Personas.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (personas.FirstOrDefault(p => !known.Contains(p.Id)) is { Name: not null } unknown) throw new NotFoundException("Persona", unknown.Name);
        problem.PersonaIds = ids;
    }
}
