using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Domain.Personas;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Domain.Products;
using Lodestar.Errors;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Resolves the resources a request names, in the caller's workspace: malformed is INVALID_ARGUMENT, unknown NOT_FOUND.</summary>
public static class Lookups
{
    public const string Products = "products";
    public const string Personas = "personas";
    public const string Insights = "insights";
    public const string Problems = "problems";
    public const string Hypotheses = "hypotheses";
    public const string Experiments = "experiments";
    public const string Goals = "goals";
    public const string BacklogItems = "backlogItems";
    public const string Kpis = "kpis";

    public static async Task<DiscoveryProduct> FindProductAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Products, field);
        return await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);
    }

    /// <summary>The id of an optional product reference: null when empty, NOT_FOUND when strategy never announced it.</summary>
    public static async Task<Guid?> FindOptionalProductIdAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(name) ? null : (await db.FindProductAsync(name, field, cancellationToken)).Id;

    public static async Task<Persona> FindPersonaAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Personas, field);
        return await db.Personas.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Persona", name);
    }

    public static async Task<Insight> FindInsightAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Insights, field);
        return await db.Insights.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("Insight", name);
    }

    public static async Task<Problem> FindProblemAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Problems, field);
        return await db.Problems.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Problem", name);
    }

    public static async Task<Hypothesis> FindHypothesisAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Hypotheses, field);
        return await db.Hypotheses.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw new NotFoundException("Hypothesis", name);
    }
}
