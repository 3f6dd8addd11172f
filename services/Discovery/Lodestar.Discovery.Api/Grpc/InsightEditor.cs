using Lodestar.Api;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>
/// Applies insight fields in two steps, so a batch of thousands checks every field first and then resolves all the
/// personas and products it names in two queries.
/// </summary>
public sealed class InsightEditor(DiscoveryDbContext db)
{
    public static readonly string[] Fields =
    [
        "source", "summary", "quote", "customer", "persona", "importance", "satisfaction", "sentiment", "tags", "capture_time", "origin_uri",
        "origin_id", "product",
    ];

    private static readonly DateTime Earliest = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>An insight with the persona and product names it refers to, still to be resolved.</summary>
    public sealed record Pending(Insight Insight, string Field, Guid? PersonaId, Guid? ProductId, string? Persona, string? Product);

    public static Pending Apply(Insight insight, V1.Insight input, IReadOnlyList<string> paths, string field, Violations violations)
    {
        string? persona = null, product = null;
        foreach (var path in paths)
        {
            switch (path)
            {
                case "source":
                    violations.DefinedEnum($"{field}.source", input.Source, allowZero: false);
                    insight.Source = (InsightSource)input.Source;
                    break;
                case "summary":
                    violations.RequiredText($"{field}.summary", input.Summary, Insight.MaxSummary);
                    insight.Summary = input.Summary.Trim();
                    break;
                case "quote":
                    violations.OptionalText($"{field}.quote", input.Quote, Insight.MaxQuote);
                    insight.Quote = input.Quote.Trim();
                    break;
                case "customer":
                    var customer = input.Customer ?? new V1.Customer();
                    violations.OptionalText($"{field}.customer.account_id", customer.AccountId, Insight.MaxAccountId)
                        .OptionalText($"{field}.customer.display_name", customer.DisplayName, Insight.MaxCustomerName)
                        .OptionalText($"{field}.customer.segment", customer.Segment, Insight.MaxSegment)
                        .OptionalText($"{field}.customer.revenue_band", customer.RevenueBand, Insight.MaxRevenueBand);
                    (insight.CustomerAccountId, insight.CustomerName, insight.CustomerSegment, insight.CustomerRevenueBand) =
                        (customer.AccountId.Trim(), customer.DisplayName.Trim(), customer.Segment.Trim(), customer.RevenueBand.Trim());
                    break;
                case "persona":
                    persona = input.Persona;
                    break;
                case "importance":
                    if (input.Importance is < 0 or > Insight.MaxImportance)
                        violations.Add($"{field}.importance", $"From 0 (not important) to 3 (critical); got {input.Importance}.");
                    insight.Importance = input.Importance;
                    break;
                case "satisfaction":
                    if (input.HasSatisfaction && (!double.IsFinite(input.Satisfaction) || input.Satisfaction is < 0 or > 1))
                        violations.Add($"{field}.satisfaction", $"A share from 0 to 1; got {input.Satisfaction}.");
                    insight.Satisfaction = input.HasSatisfaction ? input.Satisfaction : null;
                    break;
                case "sentiment":
                    violations.DefinedEnum($"{field}.sentiment", input.Sentiment, allowZero: true);
                    insight.Sentiment = input.Sentiment == V1.Sentiment.Unspecified ? null : (Sentiment)input.Sentiment;
                    break;
                case "tags":
                    violations.TextList($"{field}.tags", input.Tags, Insight.MaxTags, Insight.MaxTag);
                    insight.Tags = [.. input.Tags.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
                    break;
                case "capture_time":
                    insight.CaptureTime = CaptureTime(input.CaptureTime, $"{field}.capture_time", violations);
                    break;
                case "origin_uri":
                    violations.OptionalText($"{field}.origin_uri", input.OriginUri, Insight.MaxOriginUri);
                    if (input.OriginUri.Length > 0 && !(Uri.TryCreate(input.OriginUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
                        violations.Add($"{field}.origin_uri", "An absolute http or https URL.");
                    insight.OriginUri = input.OriginUri.Trim();
                    break;
                case "origin_id":
                    violations.OptionalText($"{field}.origin_id", input.OriginId, Insight.MaxOriginId);
                    insight.OriginId = input.OriginId.Trim();
                    break;
                case "product":
                    product = input.Product;
                    break;
            }
        }
        return new Pending(insight, field,
            persona is null ? null : ResourceNames.ParseOptionalId(persona, DiscoveryNames.Personas, $"{field}.persona", violations),
            product is null ? null : ResourceNames.ParseOptionalId(product, DiscoveryNames.Products, $"{field}.product", violations),
            persona, product);
    }

    /// <summary>
    /// Sets the persona and product ids of every pending insight. An unknown one is NOT_FOUND naming its field, or, given
    /// <paramref name="violations"/> (CSV rows), a violation on that field.
    /// </summary>
    public async Task ResolveAsync(IReadOnlyList<Pending> pending, CancellationToken cancellationToken, Violations? violations = null)
    {
        var personaIds = pending.Select(p => p.PersonaId).OfType<Guid>().Distinct().ToList();
        var productIds = pending.Select(p => p.ProductId).OfType<Guid>().Distinct().ToList();
        var personas = personaIds.Count == 0 ? [] : (await db.Personas.Where(p => personaIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var products = productIds.Count == 0 ? [] : (await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var item in pending)
        {
            if (item.Persona is not null)
            {
                item.Insight.PersonaId = item.PersonaId is not { } persona ? null
                    : personas.Contains(persona) ? persona : Unknown("Persona", item.Persona, $"{item.Field}.persona", violations);
            }
            if (item.Product is not null)
            {
                item.Insight.ProductId = item.ProductId is not { } product ? null
                    : products.Contains(product) ? product : Unknown("Product", item.Product, $"{item.Field}.product", violations);
            }
        }
    }

    private static Guid? Unknown(string resource, string name, string field, Violations? violations)
    {
        if (violations is null) throw new NotFoundException(resource, $"{name} ({field})");
        violations.Add(field, $"No {resource.ToLowerInvariant()} {name} in this workspace.");
        return null;
    }

    /// <summary>The time, or null with a violation when the seconds or nanos lie outside what a timestamp can hold.</summary>
    internal static DateTime? ReadTimestamp(Google.Protobuf.WellKnownTypes.Timestamp time, string field, Violations violations)
    {
        try
        {
            return time.ToDateTime();
        }
        catch (InvalidOperationException)
        {
            violations.Add(field, "Not a valid timestamp.");
            return null;
        }
    }

    private static DateTime CaptureTime(Google.Protobuf.WellKnownTypes.Timestamp? time, string field, Violations violations)
    {
        if (time is null) return StoredTime.Now;
        if (ReadTimestamp(time, field, violations) is not { } value) return StoredTime.Now;
        if (value < Earliest || value > DateTime.UtcNow.AddDays(1))
            violations.Add(field, $"Between {Earliest:yyyy-MM-dd} and one day from now; got {value:O}.");
        return StoredTime.Of(value);
    }
}
