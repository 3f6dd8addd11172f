using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using Strategy.FunctionalTests.Infrastructure;
using Date = Google.Type.Date;

namespace Strategy.FunctionalTests.Decisions;

/// <summary>Stakeholders and the decision log.</summary>
public sealed class DecisionLogTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Stakeholders_are_recorded_by_function_and_product(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var stakeholders = hosts.Stakeholders(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var cfo = await stakeholders.CreateStakeholderAsync(new CreateStakeholderRequest { Stakeholder = new Stakeholder
        {
            DisplayName = "Grace", Function = StakeholderFunction.Finance, Title = "CFO", Asks = { "Cost per active user", "Quarterly forecast" },
        } }, cancellationToken: Cancel);
        var sales = await stakeholders.CreateStakeholderAsync(new CreateStakeholderRequest { Stakeholder = new Stakeholder
        {
            DisplayName = "Alan", Function = StakeholderFunction.Sales, Product = product, Asks = { "SSO for enterprise deals" },
        } }, cancellationToken: Cancel);
        Assert.Equal(product, sales.Product);

        Assert.Equal(["Grace"], (await stakeholders.ListStakeholdersAsync(new ListStakeholdersRequest { Function = StakeholderFunction.Finance }, cancellationToken: Cancel))
            .Stakeholders.Select(s => s.DisplayName));
        Assert.Equal(["Alan"], (await stakeholders.ListStakeholdersAsync(new ListStakeholdersRequest { Product = product }, cancellationToken: Cancel))
            .Stakeholders.Select(s => s.DisplayName));

        var updated = await stakeholders.UpdateStakeholderAsync(new UpdateStakeholderRequest
        {
            Stakeholder = new Stakeholder { Name = cfo.Name, Function = StakeholderFunction.Leadership, Metadata = cfo.Metadata },
            UpdateMask = new FieldMask { Paths = { "function" } },
        }, cancellationToken: Cancel);
        Assert.Equal((StakeholderFunction.Leadership, 2), (updated.Function, updated.Asks.Count));

        await Rpc.InvalidAsync(stakeholders.CreateStakeholderAsync(new CreateStakeholderRequest { Stakeholder = new Stakeholder { Asks = { "" } } }, cancellationToken: Cancel),
            "stakeholder.display_name", "stakeholder.function", "stakeholder.asks[0]");
        await Rpc.FailsAsync(StatusCode.NotFound, stakeholders.CreateStakeholderAsync(new CreateStakeholderRequest { Stakeholder = new Stakeholder
        {
            DisplayName = "Nobody", Function = StakeholderFunction.Design, Product = $"products/{Guid.NewGuid()}",
        } }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(stakeholders.ListStakeholdersAsync(new ListStakeholdersRequest { Function = (StakeholderFunction)99 }, cancellationToken: Cancel), "function");

        await stakeholders.DeleteStakeholderAsync(new DeleteStakeholderRequest { Name = sales.Name }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, stakeholders.GetStakeholderAsync(new GetStakeholderRequest { Name = sales.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Decisions_record_options_call_rationale_and_who_was_told(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var stakeholders = hosts.Stakeholders(provider, workspace);
        var decisions = hosts.Decisions(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var cto = await stakeholders.CreateStakeholderAsync(new CreateStakeholderRequest { Stakeholder = new Stakeholder
        {
            DisplayName = "Linus", Function = StakeholderFunction.Engineering,
        } }, cancellationToken: Cancel);

        Decision New(string title, int day) => new()
        {
            Product = product, Title = title, Context = "Enterprise deals stall on SSO", Outcome = "Build SAML SSO this quarter",
            OptionsConsidered = { "Build SAML", "Buy an identity broker", "Wait" }, Rationale = "Three lost deals cite it",
            DecideDate = new Date { Year = 2026, Month = 11, Day = day }, InformedStakeholders = { cto.Name },
        };
        var sso = await decisions.CreateDecisionAsync(new CreateDecisionRequest { Decision = New("SSO first", 20) }, cancellationToken: Cancel);
        Assert.Equal([cto.Name], sso.InformedStakeholders);
        Assert.Equal(("pm@Editor", 3), (sso.DecidedBy, sso.OptionsConsidered.Count));
        await decisions.CreateDecisionAsync(new CreateDecisionRequest { Decision = New("Later call", 22) }, cancellationToken: Cancel);
        Assert.Equal(["Later call", "SSO first"], (await decisions.ListDecisionsAsync(new ListDecisionsRequest { Product = product }, cancellationToken: Cancel))
            .Decisions.Select(d => d.Title));

        var unknown = New("Told a ghost", 21);
        unknown.InformedStakeholders.Add($"stakeholders/{Guid.NewGuid()}");
        await Rpc.FailsAsync(StatusCode.NotFound, decisions.CreateDecisionAsync(new CreateDecisionRequest { Decision = unknown }, cancellationToken: Cancel));
        var invalid = New("", 21);
        invalid.DecideDate = new Date { Year = 2026, Month = 13, Day = 1 };
        invalid.InformedStakeholders.Add("people/1");
        invalid.Rationale = "";
        await Rpc.InvalidAsync(decisions.CreateDecisionAsync(new CreateDecisionRequest { Decision = invalid }, cancellationToken: Cancel),
            "decision.title", "decision.rationale", "decision.decide_date", "decision.informed_stakeholders[1]");
        Assert.Equal(2, (await decisions.ListDecisionsAsync(new ListDecisionsRequest { Product = product }, cancellationToken: Cancel)).Decisions.Count);

        var revised = await decisions.UpdateDecisionAsync(new UpdateDecisionRequest
        {
            Decision = new Decision { Name = sso.Name, Rationale = "Three lost deals and two churned accounts cite it", Metadata = sso.Metadata },
            UpdateMask = new FieldMask { Paths = { "rationale" } },
        }, cancellationToken: Cancel);
        Assert.Equal(("Build SAML SSO this quarter", "\"2\""), (revised.Outcome, revised.Metadata.Etag));

        using var http = hosts.Rest(provider, workspace);
        var rest = await http.GetFromJsonAsync<JsonElement>($"/v1/{sso.Name}", Cancel);
        Assert.Equal("Build SAML SSO this quarter", rest.GetProperty("outcome").GetString());

        await decisions.DeleteDecisionAsync(new DeleteDecisionRequest { Name = sso.Name, Etag = revised.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, decisions.GetDecisionAsync(new GetDecisionRequest { Name = sso.Name }, cancellationToken: Cancel));
    }
}
