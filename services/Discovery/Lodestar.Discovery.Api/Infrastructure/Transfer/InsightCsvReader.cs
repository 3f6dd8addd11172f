using System.Globalization;
using Lodestar.Api;
using Lodestar.Errors;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Infrastructure.Transfer;

/// <summary>
/// Reads insight CSV into the API's insight messages, so rows are checked by the same rules as the batch RPC. Values
/// that are not the API's own (words for importance, a persona's display name, dates) are translated here; a value
/// that cannot be is a violation "csv_content[line].column", line being where the row starts.
/// </summary>
public static class InsightCsvReader
{
    public const int MaxRows = 10_000;
    public const string Field = "csv_content";

    private static readonly Dictionary<string, int> ImportanceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["not important"] = 0, ["nice to have"] = 1, ["important"] = 2, ["critical"] = 3,
    };

    public static List<InsightCsvRow> Read(string csv, string defaultProduct, Violations violations)
    {
        using var table = CsvTable.Open(csv, Field, "insights", violations,
            (line, _) => violations.Add($"{Field}[{line}]", "Malformed CSV: a quote inside an unquoted field."));
        if (table is null || !table.Require(violations, "source", "summary") || violations.Any) return [];
        var rows = table.Rows(MaxRows, violations).Select(row => ReadRow(row.Line, row.Cell, defaultProduct, violations)).ToList();
        if (rows.Count == 0 && !violations.Any) violations.Add(Field, "No insights below the header row.");
        return rows;
    }

    private static InsightCsvRow ReadRow(int line, Func<string, string> cell, string defaultProduct, Violations violations)
    {
        var at = $"{Field}[{line}]";
        var insight = new V1.Insight
        {
            Summary = cell("summary"),
            Quote = cell("quote"),
            Customer = new V1.Customer
            {
                AccountId = cell("customer_account_id"), DisplayName = cell("customer_name"), Segment = cell("customer_segment"), RevenueBand = cell("customer_revenue_band"),
            },
            OriginUri = cell("origin_uri"),
            OriginId = cell("origin_id"),
            Product = cell("product") is { Length: > 0 } product ? product : defaultProduct,
            Tags = { cell("tags").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) },
        };
        var source = cell("source").Replace(' ', '_');
        if (Enum.TryParse<V1.InsightSource>(source.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && parsed != V1.InsightSource.Unspecified)
            insight.Source = parsed;
        else
            violations.Add($"{at}.source", $"Unknown source '{Clip(source)}': interview, survey, support_ticket, sales_call, review, analytics or other.");
        if (cell("importance") is { Length: > 0 } importance)
        {
            if (int.TryParse(importance, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || ImportanceWords.TryGetValue(importance, out level))
                insight.Importance = level;
            else
                violations.Add($"{at}.importance", $"'{Clip(importance)}' is not 0–3 or not important, nice to have, important, critical.");
        }
        if (cell("satisfaction") is { Length: > 0 } satisfaction)
        {
            if (double.TryParse(satisfaction, NumberStyles.Float, CultureInfo.InvariantCulture, out var share)) insight.Satisfaction = share;
            else violations.Add($"{at}.satisfaction", $"'{Clip(satisfaction)}' is not a number from 0 to 1.");
        }
        if (cell("sentiment") is { Length: > 0 } sentiment)
        {
            if (Enum.TryParse<V1.Sentiment>(sentiment, ignoreCase: true, out var mood) && mood != V1.Sentiment.Unspecified) insight.Sentiment = mood;
            else violations.Add($"{at}.sentiment", $"Unknown sentiment '{Clip(sentiment)}': negative, neutral or positive.");
        }
        if (cell("capture_time") is { Length: > 0 } captured)
        {
            if (DateTimeOffset.TryParse(captured, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) insight.CaptureTime = Timestamp.FromDateTimeOffset(time);
            else violations.Add($"{at}.capture_time", $"'{Clip(captured)}' is not an ISO 8601 date or time.");
        }
        var persona = cell("persona");
        string? personaName = null;
        if (persona.StartsWith(DiscoveryNames.Personas + "/", StringComparison.Ordinal)) insight.Persona = persona;
        else if (persona.Length > 0) personaName = persona;
        return new InsightCsvRow(line, insight, personaName);
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
