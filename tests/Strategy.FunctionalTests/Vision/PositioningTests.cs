using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Vision;

/// <summary>Vision, positioning statement and competitors.</summary>
public sealed class PositioningTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Positioning_renders_the_classic_statement_and_updates_by_mask(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var products = hosts.Products(provider, workspace);
        var name = await hosts.NewProductAsync(provider, workspace, "Lodestar") + "/positioning";

        var blank = await products.GetPositioningAsync(new GetPositioningRequest { Name = name }, cancellationToken: Cancel);
        Assert.Equal("", blank.Metadata.Etag);
        Assert.Equal("For [target persona] who [need], Lodestar is a [category] that [key benefit]. Unlike [main alternative], it [differentiator].",
            blank.Statement);

        var full = await products.UpdatePositioningAsync(new UpdatePositioningRequest
        {
            Positioning = new Positioning
            {
                Name = name, Vision = "Every product decision traceable to evidence and outcome",
                TargetPersona = "product teams", Need = "juggle feedback, roadmaps and analytics in separate tools",
                Category = "product-management platform", KeyBenefit = "holds the whole discover-to-measure loop",
                MainAlternative = "Productboard plus Jira plus Amplitude", Differentiator = "links evidence, delivery and impact",
            },
        }, cancellationToken: Cancel);
        Assert.Equal("For product teams who juggle feedback, roadmaps and analytics in separate tools, Lodestar is a product-management platform " +
            "that holds the whole discover-to-measure loop. Unlike Productboard plus Jira plus Amplitude, it links evidence, delivery and impact.", full.Statement);

        var vision = await products.UpdatePositioningAsync(new UpdatePositioningRequest
        {
            Positioning = new Positioning { Name = name, Vision = "A shorter vision", Metadata = full.Metadata },
            UpdateMask = new FieldMask { Paths = { "vision" } },
        }, cancellationToken: Cancel);
        Assert.Equal(("A shorter vision", "product teams", "\"2\""), (vision.Vision, vision.TargetPersona, vision.Metadata.Etag));

        await Rpc.FailsAsync(StatusCode.Aborted, products.UpdatePositioningAsync(new UpdatePositioningRequest
        {
            Positioning = new Positioning { Name = name, Vision = "lost", Metadata = full.Metadata }, UpdateMask = new FieldMask { Paths = { "vision" } },
        }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(products.UpdatePositioningAsync(new UpdatePositioningRequest
        {
            Positioning = new Positioning { Name = name, Need = new string('n', 301), Vision = new string('v', 2001) },
        }, cancellationToken: Cancel), "positioning.need", "positioning.vision");
        await Rpc.InvalidAsync(products.UpdatePositioningAsync(new UpdatePositioningRequest
        {
            Positioning = new Positioning { Name = name }, UpdateMask = new FieldMask { Paths = { "statement" } },
        }, cancellationToken: Cancel), "update_mask");
        await Rpc.InvalidAsync(products.GetPositioningAsync(new GetPositioningRequest { Name = name.Replace("/positioning", "", StringComparison.Ordinal) }, cancellationToken: Cancel), "name");
        Assert.Equal(vision, await products.GetPositioningAsync(new GetPositioningRequest { Name = name }, cancellationToken: Cancel));

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.GetFromJsonAsync<JsonElement>($"/v1/{name}", Cancel);
        Assert.StartsWith("For product teams", rest.GetProperty("statement").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Competitors_are_recorded_listed_updated_and_deleted(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var competitors = hosts.Competitors(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);

        var aha = await competitors.CreateCompetitorAsync(new CreateCompetitorRequest { Competitor = new Competitor
        {
            Product = product, DisplayName = "Aha!", Segment = "Enterprise roadmapping",
            Strengths = { "Roadmap presentations" }, Weaknesses = { "No analytics", "Heavy setup" }, Differentiation = "We measure impact",
        } }, cancellationToken: Cancel);
        Assert.Equal(["No analytics", "Heavy setup"], aha.Weaknesses);
        await competitors.CreateCompetitorAsync(new CreateCompetitorRequest { Competitor = new Competitor { Product = product, DisplayName = "Productboard" } }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.AlreadyExists,
            competitors.CreateCompetitorAsync(new CreateCompetitorRequest { Competitor = new Competitor { Product = product, DisplayName = "Aha!" } }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(competitors.CreateCompetitorAsync(new CreateCompetitorRequest { Competitor = new Competitor
        {
            Product = product, DisplayName = "", Strengths = { "ok", "" },
        } }, cancellationToken: Cancel), "competitor.display_name", "competitor.strengths[1]");
        await Rpc.FailsAsync(StatusCode.NotFound, competitors.CreateCompetitorAsync(new CreateCompetitorRequest { Competitor = new Competitor
        {
            Product = $"products/{Guid.NewGuid()}", DisplayName = "Linear",
        } }, cancellationToken: Cancel));

        var listed = await competitors.ListCompetitorsAsync(new ListCompetitorsRequest { Product = product }, cancellationToken: Cancel);
        Assert.Equal(["Aha!", "Productboard"], listed.Competitors.Select(c => c.DisplayName));

        var updated = await competitors.UpdateCompetitorAsync(new UpdateCompetitorRequest
        {
            Competitor = new Competitor { Name = aha.Name, Strengths = { "Roadmaps", "Ideas portal" }, Metadata = aha.Metadata },
            UpdateMask = new FieldMask { Paths = { "strengths" } },
        }, cancellationToken: Cancel);
        Assert.Equal((2, "Enterprise roadmapping"), (updated.Strengths.Count, updated.Segment));
        await Rpc.InvalidAsync(competitors.UpdateCompetitorAsync(new UpdateCompetitorRequest { Competitor = new Competitor { Name = aha.Name } }, cancellationToken: Cancel), "update_mask");

        await competitors.DeleteCompetitorAsync(new DeleteCompetitorRequest { Name = aha.Name, Etag = updated.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, competitors.GetCompetitorAsync(new GetCompetitorRequest { Name = aha.Name }, cancellationToken: Cancel));

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.GetFromJsonAsync<JsonElement>($"/v1/competitors?product={product}", Cancel);
        Assert.Equal("Productboard", rest.GetProperty("competitors")[0].GetProperty("displayName").GetString());
    }
}
