using Google.Protobuf.WellKnownTypes;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Benchmarks;

/// <summary>Reproducible insight rows: support-ticket prose from a fixed vocabulary, 1 % about spreadsheet exports.</summary>
public static class IngestRows
{
    public const string Query = "spreadsheet export";

    private static readonly string[] Words =
        ["dashboard", "login", "slow", "billing", "invoice", "report", "team", "admin", "search", "filter", "mobile", "sync", "calendar", "reminder", "permission"];

    public static List<V1.Insight> Generate(int count)
    {
        var random = new Random(11);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var words = string.Join(' ', Enumerable.Range(0, 8).Select(_ => Words[random.Next(Words.Length)]));
            return new V1.Insight
            {
                Source = (V1.InsightSource)(1 + (i % 7)),
                Summary = i % 100 == 0 ? $"Spreadsheet exports time out: {words}" : $"Customer reports {words}",
                Quote = $"We see {words} every week.",
                Customer = new V1.Customer { AccountId = $"account-{i % 5_000}", DisplayName = $"Customer {i % 5_000}" },
                Importance = i % 4,
                Tags = { Words[i % Words.Length] },
                CaptureTime = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-i)),
            };
        })];
    }
}
