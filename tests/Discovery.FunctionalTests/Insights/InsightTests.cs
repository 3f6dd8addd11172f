using System.Net;
using System.Net.Http.Json;
using Discovery.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Insights;

/// <summary>Insights: capture one or thousands, search by text and filters on both providers, update, delete, bad input.</summary>
public sealed class InsightTests(DiscoveryHosts hosts) : IClassFixture<DiscoveryHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Timestamp Days(int ago) => Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-ago));

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Insights_are_captured_searched_by_text_and_filters_updated_and_deleted(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var insights = hosts.Insights(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var admin = await hosts.Personas(provider, workspace).CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "IT admin" } }, cancellationToken: Cancel);

        var first = await insights.CreateInsightAsync(new CreateInsightRequest { Insight = new Insight
        {
            Source = InsightSource.Interview, Summary = "Offboarding users takes hours", Quote = "I spend Fridays deleting accounts by hand.",
            Customer = new Customer { AccountId = "acme", DisplayName = "Acme Corp", Segment = "Enterprise", RevenueBand = "100k+" },
            Persona = admin.Name, Importance = 3, Sentiment = Sentiment.Negative, Tags = { "sso", "offboarding" }, CaptureTime = Days(10),
            OriginUri = "https://crm.example.com/notes/17", Product = product,
        } }, cancellationToken: Cancel);
        Assert.Equal((3, "acme", admin.Name, product), (first.Importance, first.Customer.AccountId, first.Persona, first.Product));
        Assert.False(first.HasSatisfaction);

        var batch = await insights.BatchCreateInsightsAsync(new BatchCreateInsightsRequest
        {
            Requests =
            {
                Enumerable.Range(0, 300).Select(i => new CreateInsightRequest { Insight = Generated(i, product) }),
            },
        }, cancellationToken: Cancel);
        Assert.Equal(300, batch.Insights.Count);

        async Task<int> CountAsync(ListInsightsRequest request)
        {
            request.PageSize = 1000;
            return (await insights.ListInsightsAsync(request, cancellationToken: Cancel)).Insights.Count;
        }
        Assert.Equal(100, await CountAsync(new ListInsightsRequest { Query = "spreadsheet export" })); // stemmed: "spreadsheets"
        Assert.Equal(100, await CountAsync(new ListInsightsRequest { Query = "EXPORT, to!" }));
        Assert.Equal(1, await CountAsync(new ListInsightsRequest { Query = "fridays hand" })); // the quote
        Assert.Equal(1, await CountAsync(new ListInsightsRequest { Query = "acme" })); // the customer name
        Assert.Equal(0, await CountAsync(new ListInsightsRequest { Query = "export dashboard" }));
        Assert.Equal(1, await CountAsync(new ListInsightsRequest { Persona = admin.Name }));
        Assert.Equal(1, await CountAsync(new ListInsightsRequest { Tags = { "sso", "offboarding" } }));
        Assert.Equal(60, await CountAsync(new ListInsightsRequest { Tags = { "export" } }));
        Assert.Equal(150, await CountAsync(new ListInsightsRequest { Sources = { InsightSource.Survey } }));
        Assert.Equal(8, await CountAsync(new ListInsightsRequest { CustomerAccountId = "account-7" }));
        Assert.Equal(301, await CountAsync(new ListInsightsRequest { Product = product }));
        Assert.Equal(20, await CountAsync(new ListInsightsRequest { Query = "export", CaptureTimeFrom = Days(6), CaptureTimeTo = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(1)) }));
        Assert.Equal(0, await CountAsync(new ListInsightsRequest { Problem = $"problems/{Guid.NewGuid()}" }));

        var page = await insights.ListInsightsAsync(new ListInsightsRequest { Query = "dashboard", PageSize = 150 }, cancellationToken: Cancel);
        var rest = await insights.ListInsightsAsync(new ListInsightsRequest { Query = "dashboard", PageSize = 150, PageToken = page.NextPageToken }, cancellationToken: Cancel);
        Assert.Equal((150, 50, ""), (page.Insights.Count, rest.Insights.Count, rest.NextPageToken));
        Assert.True(page.Insights.Zip(page.Insights.Skip(1)).All(p => p.First.CaptureTime >= p.Second.CaptureTime));

        var updated = await insights.UpdateInsightAsync(new UpdateInsightRequest
        {
            Insight = new Insight { Name = first.Name, Summary = "Offboarding and audit exports take hours", Importance = 2, Metadata = first.Metadata },
            UpdateMask = new FieldMask { Paths = { "summary", "importance" } },
        }, cancellationToken: Cancel);
        Assert.Equal(2, updated.Importance);
        Assert.Equal(101, await CountAsync(new ListInsightsRequest { Query = "exports" }));
        await insights.DeleteInsightAsync(new DeleteInsightRequest { Name = first.Name, Etag = updated.Metadata.Etag }, cancellationToken: Cancel);
        Assert.Equal(100, await CountAsync(new ListInsightsRequest { Query = "exports" }));
        await Rpc.FailsAsync(StatusCode.NotFound, insights.GetInsightAsync(new GetInsightRequest { Name = first.Name }, cancellationToken: Cancel));
        Assert.Empty((await hosts.Insights(provider, Guid.NewGuid()).ListInsightsAsync(new ListInsightsRequest { Query = "export" }, cancellationToken: Cancel)).Insights);
    }

    private static Insight Generated(int i, string product)
    {
        var insight = new Insight
        {
            Source = i % 2 == 0 ? InsightSource.SupportTicket : InsightSource.Survey,
            Summary = i % 3 == 0 ? $"Export to spreadsheets fails (ticket {i})" : $"Dashboard loads slowly for team {i}",
            Customer = new Customer { AccountId = $"account-{i % 40}", DisplayName = $"Customer {i % 40}" },
            Importance = i % 4, Tags = { i % 5 == 0 ? "export" : "performance" }, CaptureTime = Days(i % 30), Product = product,
        };
        if (i % 2 == 1) insight.Satisfaction = 0.25;
        return insight;
    }

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Bad_insights_name_their_fields_and_a_bad_batch_stores_nothing(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var insights = hosts.Insights(provider, workspace);
        await Rpc.InvalidAsync(insights.CreateInsightAsync(new CreateInsightRequest { Insight = new Insight
        {
            Summary = " ", Importance = 4, Satisfaction = 1.5, Tags = { "" }, OriginUri = "javascript:alert(1)", Quote = new string('q', 5001),
            CaptureTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(3)), Persona = "persona-1",
        } }, cancellationToken: Cancel),
            "insight.source", "insight.summary", "insight.importance", "insight.satisfaction", "insight.tags[0]", "insight.origin_uri", "insight.quote",
            "insight.capture_time", "insight.persona");
        await Rpc.FailsAsync(StatusCode.NotFound, insights.CreateInsightAsync(new CreateInsightRequest { Insight = new Insight
        {
            Source = InsightSource.Review, Summary = "Ghost persona", Persona = $"personas/{Guid.NewGuid()}",
        } }, cancellationToken: Cancel));

        var good = new CreateInsightRequest { Insight = new Insight { Source = InsightSource.Review, Summary = "Fine" } };
        var bad = new CreateInsightRequest { Insight = new Insight { Source = InsightSource.Review, Summary = "", Importance = -1 } };
        await Rpc.InvalidAsync(insights.BatchCreateInsightsAsync(new BatchCreateInsightsRequest { Requests = { good, good, bad, good } }, cancellationToken: Cancel),
            "requests[2].insight.summary", "requests[2].insight.importance");
        await Rpc.InvalidAsync(insights.BatchCreateInsightsAsync(new BatchCreateInsightsRequest(), cancellationToken: Cancel), "requests");
        await Rpc.InvalidAsync(insights.ListInsightsAsync(new ListInsightsRequest { Query = new string('x', 201), Persona = "nobody" }, cancellationToken: Cancel), "query", "persona");
        // Filters that would build an absurd query (10,000 tag conditions) or times no timestamp can hold are refused.
        var absurd = new ListInsightsRequest
        {
            CaptureTimeFrom = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MaxValue },
            CaptureTimeTo = new Google.Protobuf.WellKnownTypes.Timestamp { Nanos = -1 },
        };
        absurd.Tags.AddRange(Enumerable.Range(0, 10_000).Select(i => $"tag-{i}"));
        absurd.Sources.AddRange(Enumerable.Repeat(InsightSource.Interview, 10_000));
        await Rpc.InvalidAsync(insights.ListInsightsAsync(absurd, cancellationToken: Cancel), "tags", "sources", "capture_time_from", "capture_time_to");
        Assert.Empty((await insights.ListInsightsAsync(new ListInsightsRequest(), cancellationToken: Cancel)).Insights);

        using var http = hosts.Rest(provider, workspace);
        using var created = await http.PostAsJsonAsync("/v1/insights", new { source = "INSIGHT_SOURCE_SALES_CALL", summary = "Needs SCIM", importance = 2 }, Cancel);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var listed = await http.CallAsync(HttpMethod.Get, "/v1/insights?query=scim&sources=INSIGHT_SOURCE_SALES_CALL");
        Assert.Equal("Needs SCIM", listed.GetProperty("insights")[0].Str("summary"));
        var batch = await http.CallAsync(HttpMethod.Post, "/v1/insights:batchCreate", new { requests = new[] { new { insight = new { source = "INSIGHT_SOURCE_REVIEW", summary = "Love it" } } } });
        Assert.Equal(1, batch.GetProperty("insights").GetArrayLength());
        using var invalid = await http.PostAsJsonAsync("/v1/insights", new { source = "INSIGHT_SOURCE_REVIEW", summary = "x", importance = 9 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
