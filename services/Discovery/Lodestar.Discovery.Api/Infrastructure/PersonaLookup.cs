using Lodestar.Api;
using Lodestar.Discovery.Domain.Personas;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Personas by name or display name.</summary>
public static class PersonaLookup
{
    public static async Task<Persona> FindPersonaAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, DiscoveryNames.Personas, field);
        return await db.Personas.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Persona", name);
    }

    /// <summary>Every persona's id by display name, ignoring case (the first of equal names wins): how a CSV row names one.</summary>
    public static async Task<Dictionary<string, Guid>> PersonaIdsByNameAsync(this DiscoveryDbContext db, CancellationToken cancellationToken) =>
        (await db.Personas.AsNoTracking().Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken))
            .GroupBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
}
