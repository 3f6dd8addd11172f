using Discovery.FunctionalTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Insights;

/// <summary>Insight CSV import: all or nothing, bad rows by line and column.</summary>
public sealed class InsightCsvTests(DiscoveryHosts hosts) : IClassFixture<DiscoveryHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task A_csv_imports_whole_or_reports_each_bad_row_by_line(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var admin = await hosts.Personas(provider, workspace).CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "IT admin" } }, cancellationToken: Cancel);
        var insights = hosts.Insights(provider, workspace);
        const string good = """
            Source,Summary,Quote,Customer_Account_Id,Customer_Name,Persona,Importance,Satisfaction,Sentiment,Tags,Capture_Time,Origin_Uri,Unused
            interview,Offboarding takes hours,"I spend Fridays
            deleting accounts, by hand.",acme,Acme Corp,it admin,critical,0.2,negative,sso;offboarding,2026-01-15T10:00:00Z,https://crm.example.com/n/1,x
            support ticket,Export fails on large files,,globex,Globex,,2,,neutral,export,2026-01-16,,
            survey,Wants dark mode,,,,,nice to have,0.9,positive,,,,
            """;
        var preview = await insights.ImportInsightsCsvAsync(new ImportInsightsCsvRequest { CsvContent = good, Product = product, ValidateOnly = true }, cancellationToken: Cancel);
        Assert.Equal((3, 0), (preview.ImportedCount, preview.Insights.Count));
        var imported = await insights.ImportInsightsCsvAsync(new ImportInsightsCsvRequest { CsvContent = good, Product = product }, cancellationToken: Cancel);
        Assert.Equal(3, imported.Insights.Count);
        var first = await insights.GetInsightAsync(new GetInsightRequest { Name = imported.Insights[0] }, cancellationToken: Cancel);
        Assert.Equal((InsightSource.Interview, 3, 0.2, Sentiment.Negative, product), (first.Source, first.Importance, first.Satisfaction, first.Sentiment, first.Product));
        Assert.Equal("I spend Fridays\ndeleting accounts, by hand.", first.Quote.ReplaceLineEndings("\n"));
        Assert.Equal(["sso", "offboarding"], first.Tags);
        Assert.Equal(admin.Name, first.Persona); // "it admin" in the file: display names match ignoring case
        Assert.Equal(new DateTime(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc), first.CaptureTime.ToDateTime());
        Assert.Single((await insights.ListInsightsAsync(new ListInsightsRequest { Query = "fridays" }, cancellationToken: Cancel)).Insights);

        const string bad = """
            source,summary,importance,persona,satisfaction,capture_time,product
            interview,Fine,1,,,,
            saga,,5,Nobody,2,yesterday,
            review,Fine too,2,,,,products/00000000-0000-0000-0000-000000000001
            """;
        var error = await Rpc.FailsAsync(StatusCode.InvalidArgument, insights.ImportInsightsCsvAsync(new ImportInsightsCsvRequest { CsvContent = bad }, cancellationToken: Cancel));
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order().ToArray();
        Assert.Equal(["csv_content[3].capture_time", "csv_content[3].persona", "csv_content[3].source"], fields);
        // Once the rows read, the insight rules apply to them, still by line.
        var second = await Rpc.FailsAsync(StatusCode.InvalidArgument, insights.ImportInsightsCsvAsync(new ImportInsightsCsvRequest
        {
            CsvContent = "source,summary,importance,satisfaction,product\ninterview,,5,2,\nreview,Fine,1,,products/00000000-0000-0000-0000-000000000001\n",
        }, cancellationToken: Cancel));
        Assert.Equal(["csv_content[2].importance", "csv_content[2].satisfaction", "csv_content[2].summary"],
            second.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order().ToArray());
        var unknownProduct = await Rpc.FailsAsync(StatusCode.InvalidArgument, insights.ImportInsightsCsvAsync(new ImportInsightsCsvRequest
        {
            CsvContent = "source,summary,product\nreview,Fine,products/00000000-0000-0000-0000-000000000001\n",
        }, cancellationToken: Cancel));
        Assert.Equal("csv_content[2].product", unknownProduct.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        await Rpc.InvalidAsync(insights.ImportInsightsCsvAsync(new ImportInsightsCsvRequest { CsvContent = "title,text\nx,y" }, cancellationToken: Cancel), "csv_content", "csv_content");
        await Rpc.InvalidAsync(insights.ImportInsightsCsvAsync(new ImportInsightsCsvRequest { CsvContent = "source,summary\ninterview,\"broken \"quote\" here\n" }, cancellationToken: Cancel),
            "csv_content[2]");
        Assert.Equal(3, (await insights.ListInsightsAsync(new ListInsightsRequest { PageSize = 100 }, cancellationToken: Cancel)).Insights.Count);

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.CallAsync(HttpMethod.Post, "/v1/insights:importCsv", new { csvContent = "source,summary\nanalytics,Churn spikes on day 3\n", product });
        Assert.Equal(1, rest.GetProperty("importedCount").GetInt32());
    }
}
