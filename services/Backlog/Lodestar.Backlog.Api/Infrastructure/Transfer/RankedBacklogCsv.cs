using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Scoring;

namespace Lodestar.Backlog.Infrastructure.Transfer;

/// <summary>Writes a ranked backlog as CSV; cells a spreadsheet would run as formulas are escaped.</summary>
public static class RankedBacklogCsv
{
    private static readonly string[] Header =
        ["Position", "Name", "Key", "Type", "Title", "Status", "Estimate", "Labels", "Parent", "Ranking score", "RICE", "ICE", "WSJF", "Value/effort", "MoSCoW", "Kano", "Weighted"];

    public static string Write(IReadOnlyList<BacklogItem> ranked, ItemContext context)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, config))
        {
            foreach (var column in Header) csv.WriteField(column);
            csv.NextRecord();
            for (var i = 0; i < ranked.Count; i++)
            {
                var item = ranked[i];
                var card = context.ScoreOf(item);
                string[] cells =
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), $"backlogItems/{item.Id}", item.ExternalKey ?? "", item.Type.ToString(), item.Title,
                    item.Status.ToString(), Number(item.EstimatePoints), string.Join(' ', item.Labels), item.ParentId is { } p ? $"backlogItems/{p}" : "",
                    Number(card.RankingScore), Number(card.Rice), Number(card.Ice), Number(card.Wsjf), card.Quadrant?.ToString() ?? "",
                    card.Moscow?.Priority.ToString() ?? "", card.Kano?.Category?.ToString() ?? "", Number(card.Weighted),
                ];
                foreach (var cell in cells) csv.WriteField(cell);
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
