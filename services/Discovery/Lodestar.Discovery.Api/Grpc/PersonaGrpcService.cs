using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Discovery.Domain.Personas;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>lodestar.discovery.v1.PersonaService: the kinds of people the products serve.</summary>
public sealed class PersonaGrpcService(DiscoveryDbContext db) : V1.PersonaService.PersonaServiceBase
{
    private static readonly string[] Fields = ["display_name", "segment", "goals", "pain_points", "behaviours", "product"];

    public override async Task<V1.Persona> CreatePersona(V1.CreatePersonaRequest request, ServerCallContext context)
    {
        var input = request.Persona ?? throw new ValidationException("persona", "Required.");
        var persona = new Persona();
        await ApplyAsync(persona, input, Fields, context.CancellationToken);
        db.Personas.Add(persona);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(persona);
    }

    public override async Task<V1.Persona> GetPersona(V1.GetPersonaRequest request, ServerCallContext context) =>
        ToProto(await db.FindPersonaAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListPersonasResponse> ListPersonas(V1.ListPersonasRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, DiscoveryNames.Products, "product");
        var query = db.Personas.AsNoTracking();
        if (productId is { } id) query = query.Where(p => p.ProductId == id || p.ProductId == null);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListPersonas), request.Product),
            (skip, take) => query.OrderBy(p => p.DisplayName).ThenBy(p => p.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListPersonasResponse { Personas = { page.Select(ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.Persona> UpdatePersona(V1.UpdatePersonaRequest request, ServerCallContext context)
    {
        var input = request.Persona ?? throw new ValidationException("persona", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, Fields);
        var persona = await db.FindPersonaAsync(input.Name, "persona.name", context.CancellationToken);
        db.ExpectETag(persona, input.Metadata?.Etag, "persona.metadata.etag");
        await ApplyAsync(persona, input, paths, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(persona);
    }

    public override async Task<Empty> DeletePersona(V1.DeletePersonaRequest request, ServerCallContext context)
    {
        var persona = await db.FindPersonaAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(persona, request.Etag);
        foreach (var insight in await db.Insights.Where(i => i.PersonaId == persona.Id).ToListAsync(context.CancellationToken)) insight.PersonaId = null;
        db.Personas.Remove(persona);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private async Task ApplyAsync(Persona persona, V1.Persona input, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        string? product = null;
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name":
                    violations.RequiredText("persona.display_name", input.DisplayName, Persona.MaxDisplayName);
                    persona.DisplayName = input.DisplayName.Trim();
                    break;
                case "segment":
                    violations.OptionalText("persona.segment", input.Segment, Persona.MaxSegment);
                    persona.Segment = input.Segment.Trim();
                    break;
                case "goals":
                    violations.TextList("persona.goals", input.Goals, Persona.MaxEntries, Persona.MaxEntry);
                    persona.Goals = [.. input.Goals.Select(g => g.Trim())];
                    break;
                case "pain_points":
                    violations.TextList("persona.pain_points", input.PainPoints, Persona.MaxEntries, Persona.MaxEntry);
                    persona.PainPoints = [.. input.PainPoints.Select(p => p.Trim())];
                    break;
                case "behaviours":
                    violations.TextList("persona.behaviours", input.Behaviours, Persona.MaxEntries, Persona.MaxEntry);
                    persona.Behaviours = [.. input.Behaviours.Select(b => b.Trim())];
                    break;
                case "product":
                    product = input.Product;
                    break;
            }
        }
        violations.ThrowIfAny();
        if (product is not null) persona.ProductId = await db.FindOptionalProductIdAsync(product, "persona.product", cancellationToken);
    }

    private static V1.Persona ToProto(Persona persona) => new()
    {
        Name = ResourceNames.Format(DiscoveryNames.Personas, persona.Id),
        DisplayName = persona.DisplayName,
        Segment = persona.Segment,
        Goals = { persona.Goals },
        PainPoints = { persona.PainPoints },
        Behaviours = { persona.Behaviours },
        Product = persona.ProductId is { } product ? ResourceNames.Format(DiscoveryNames.Products, product) : "",
        Metadata = persona.ToMetadata(),
    };
}
