using System.Net;
using Backlog.FunctionalTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Lodestar.Backlog.V1;
using Lodestar.Persistence;

namespace Backlog.FunctionalTests.Transfer;

/// <summary>Jira CSV import (a realistic export with quoted multi-line descriptions) and ranked-backlog CSV export.</summary>
public sealed class TransferTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string Export = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Transfer", "jira-export.csv"));

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task A_jira_export_imports_whole_with_parents_estimates_labels_and_statuses(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var transfer = hosts.Transfer(provider, workspace);

        var preview = await transfer.ImportJiraIssuesAsync(new ImportJiraIssuesRequest { Product = product, CsvContent = Export, ValidateOnly = true }, cancellationToken: Cancel);
        Assert.Equal((5, "Custom field (Story Points)", 0), (preview.ImportedCount, preview.EstimateColumn, preview.BacklogItems.Count));
        var imported = await transfer.ImportJiraIssuesAsync(new ImportJiraIssuesRequest { Product = product, CsvContent = Export }, cancellationToken: Cancel);
        Assert.Equal(5, imported.BacklogItems.Count);

        var items = hosts.Items(provider, workspace);
        var all = (await items.ListBacklogItemsAsync(new ListBacklogItemsRequest { Product = product }, cancellationToken: Cancel)).BacklogItems.ToDictionary(i => i.ExternalKey);
        Assert.Equal((ItemType.Epic, ItemStatus.Idea), (all["ATL-1"].Type, all["ATL-1"].Status));
        Assert.Equal(["enterprise", "auth"], all["ATL-1"].Labels);
        var saml = all["ATL-2"];
        Assert.Equal((ItemType.Story, ItemStatus.Ready, 5d, all["ATL-1"].Name), (saml.Type, saml.Status, saml.EstimatePoints, saml.Parent));
        Assert.Equal("As an IT admin, I want to connect our IdP over SAML.\n\nAcceptance criteria:\n- Okta and Azure AD tested\n- \"Just-in-time\" provisioning, including a comma, here",
            saml.Description.ReplaceLineEndings("\n"));
        Assert.Equal(MoscowPriority.Must, saml.Moscow.Priority);
        Assert.Equal(all["ATL-1"].Name, all["ATL-3"].Parent);
        Assert.Equal(["auth", "enterprise", "scim"], all["ATL-3"].Labels);
        Assert.Equal((ItemType.Bug, ItemStatus.InProgress), (all["ATL-4"].Type, all["ATL-4"].Status));
        Assert.Equal((ItemType.TechDebt, ItemStatus.Done), (all["ATL-5"].Type, all["ATL-5"].Status));

        // Import order is kept at the bottom of the ranked backlog.
        var ranked = await hosts.Prioritization(provider, workspace).GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog" }, cancellationToken: Cancel);
        Assert.Equal(["ATL-1", "ATL-2", "ATL-3", "ATL-4"], ranked.Entries.Select(e => e.BacklogItem.ExternalKey));

        // Importing the same file again would duplicate every issue: refused, naming each line.
        var again = await Rpc.FailsAsync(StatusCode.InvalidArgument, transfer.ImportJiraIssuesAsync(new ImportJiraIssuesRequest { Product = product, CsvContent = Export }, cancellationToken: Cancel));
        Assert.Equal(["csv_content[14]", "csv_content[2]", "csv_content[3]", "csv_content[8]", "csv_content[9]"], Fields(again));
        Assert.Equal(5, (await items.ListBacklogItemsAsync(new ListBacklogItemsRequest { Product = product }, cancellationToken: Cancel)).BacklogItems.Count);
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Bad_rows_are_reported_by_line_and_nothing_is_imported(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var transfer = hosts.Transfer(provider, workspace);
        const string csv = """
            Summary,Issue key,Issue Type,Status,Story Points,Description,Parent
            Fine,ATL-1,Story,To Do,3,"two
            lines",
            ,ATL-2,Saga,Limbo,many,,
            Orphan,ATL-3,Story,To Do,1,,ATL-99
            Child of a story,ATL-4,Story,To Do,1,,ATL-1
            Fine too,ATL-1,Bug,Done,1,,
            """;
        var error = await Rpc.FailsAsync(StatusCode.InvalidArgument, transfer.ImportJiraIssuesAsync(new ImportJiraIssuesRequest { Product = product, CsvContent = csv }, cancellationToken: Cancel));
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => $"{v.Field} {v.Description}").ToList();
        Assert.Contains(violations, v => v.StartsWith("csv_content[4] Summary: Required.", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("csv_content[4] Issue Type: Unknown issue type 'Saga'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("csv_content[4] Status: Unknown status 'Limbo'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("csv_content[4] Story Points: 'many' is not a number", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("csv_content[7] Issue key: 'ATL-1' appears twice (first on line 2)", StringComparison.Ordinal));
        Assert.Equal(5, violations.Count);

        var parents = await Rpc.FailsAsync(StatusCode.InvalidArgument, transfer.ImportJiraIssuesAsync(new ImportJiraIssuesRequest
        {
            Product = product, CsvContent = string.Join('\n', csv.Split('\n').Where((_, i) => i is 0 or 1 or 2 or 4 or 5)),
        }, cancellationToken: Cancel));
        Assert.Equal(["csv_content[4]", "csv_content[5]"], Fields(parents));

        await Rpc.InvalidAsync(transfer.ImportJiraIssuesAsync(new ImportJiraIssuesRequest { Product = product, CsvContent = "Title,Key\nx,y" }, cancellationToken: Cancel),
            "csv_content", "csv_content", "csv_content");
        await Rpc.InvalidAsync(transfer.ImportJiraIssuesAsync(new ImportJiraIssuesRequest
        {
            Product = product, CsvContent = "Summary,Issue key,Issue Type\nx,ATL-1,Story", EstimateColumn = "Effort",
        }, cancellationToken: Cancel), "estimate_column");
        Assert.Empty((await hosts.Items(provider, workspace).ListBacklogItemsAsync(new ListBacklogItemsRequest { Product = product }, cancellationToken: Cancel)).BacklogItems);
    }

    [Fact]
    public async Task The_ranked_backlog_exports_as_csv_with_formulas_escaped()
    {
        const DatabaseProvider provider = DatabaseProvider.Postgres;
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        await hosts.Transfer(provider, workspace).ImportJiraIssuesAsync(new ImportJiraIssuesRequest { Product = product, CsvContent = Export }, cancellationToken: Cancel);
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "=HYPERLINK(\"http://evil\")", Labels = { "+sum" }, Rice = new RiceInputs { Reach = 100, Impact = 1, Confidence = 50, Effort = 1 },
        });

        var body = await hosts.Transfer(provider, workspace).ExportRankedBacklogAsync(new ExportRankedBacklogRequest { Name = product + "/backlog" }, cancellationToken: Cancel);
        Assert.Equal("text/csv; charset=utf-8", body.ContentType);
        var lines = body.Data.ToStringUtf8().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Position,Name,Key,Type,Title,Status,Estimate,Labels,Parent,Ranking score,RICE", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,backlogItems/", lines[1], StringComparison.Ordinal);
        Assert.True(lines[1].Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", StringComparison.Ordinal), lines[1]);
        Assert.True(lines[1].Contains(",\"'+sum\",", StringComparison.Ordinal), lines[1]);
        Assert.Contains(",ATL-1,Epic,Single sign-on,Idea,", lines[2], StringComparison.Ordinal);

        using var http = hosts.Rest(provider, workspace);
        using var response = await http.GetAsync(new Uri($"/v1/{product}/backlog:export", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(lines.Length, (await response.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static string[] Fields(RpcException error) =>
        [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order()];
}
