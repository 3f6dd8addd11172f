namespace EndToEnd.Tests.Security;

/// <summary>The discovery service's part of the tour: personas, evidence, problems and hypotheses of the product.</summary>
public static class DiscoveryTourSteps
{
    public static IEnumerable<TourStep> Building =>
    [
        // Discovery learns of the product from strategy's event, hence the first call waits for it.
        new("PersonaService/CreatePersona", """{"persona":{"displayName":"Ops lead","product":"@product"}}""", "persona", Eventually: true),
        new("PersonaService/GetPersona", """{"name":"@persona"}"""),
        new("PersonaService/ListPersonas", """{"product":"@product"}"""),
        new("PersonaService/UpdatePersona", """{"persona":{"name":"@persona","segment":"Mid-market"},"updateMask":"segment"}"""),
        new("InsightService/CreateInsight",
            """{"insight":{"source":"INSIGHT_SOURCE_INTERVIEW","summary":"Setup takes too long","product":"@product","persona":"@persona","importance":3,"customer":{"accountId":"acme","displayName":"Acme"}}}""",
            "insight"),
        new("InsightService/BatchCreateInsights",
            """{"requests":[{"insight":{"source":"INSIGHT_SOURCE_SUPPORT_TICKET","summary":"Cannot find the import","product":"@product","customer":{"accountId":"globex"}}}]}""",
            "secondInsight", "insights.0.name"),
        new("InsightService/ImportInsightsCsv", """{"product":"@product","csvContent":"source,summary,customer_account_id\nreview,Exports are slow,initech\n"}"""),
        new("InsightService/GetInsight", """{"name":"@insight"}"""),
        new("InsightService/ListInsights", """{"product":"@product"}"""),
        new("InsightService/UpdateInsight", """{"insight":{"name":"@insight","quote":"It took us a week"},"updateMask":"quote"}"""),
        new("ProblemService/CreateProblem", """{"problem":{"product":"@product","title":"Setup is slow","personas":["@persona"]}}""", "problem"),
        new("ProblemService/GetProblem", """{"name":"@problem"}"""),
        new("ProblemService/ListProblems", """{"product":"@product"}"""),
        new("ProblemService/UpdateProblem", """{"problem":{"name":"@problem","want":"a working setup in a day"},"updateMask":"want"}"""),
        new("ProblemService/LinkInsights", """{"name":"@problem","insights":["@insight","@secondInsight"]}"""),
        new("ProblemService/UnlinkInsights", """{"name":"@problem","insights":["@secondInsight"]}"""),
        new("HypothesisService/CreateHypothesis",
            """{"hypothesis":{"product":"@product","change":"Guided setup","outcome":"Faster activation","metricKey":"activation","minimumEffect":0.05,"problem":"@problem"}}""",
            "hypothesis"),
        new("HypothesisService/GetHypothesis", """{"name":"@hypothesis"}"""),
        new("HypothesisService/ListHypotheses", """{"product":"@product"}"""),
        new("HypothesisService/UpdateHypothesis", """{"hypothesis":{"name":"@hypothesis","outcome":"Activation within a day"},"updateMask":"outcome"}"""),
        new("OpportunityTreeService/GetOpportunityTree", """{"name":"@product/opportunityTree"}"""),
    ];

    public static IEnumerable<TourStep> Removing =>
    [
        new("HypothesisService/DeleteHypothesis", """{"name":"@hypothesis"}"""),
        new("ProblemService/DeleteProblem", """{"name":"@problem"}"""),
        new("InsightService/DeleteInsight", """{"name":"@secondInsight"}"""),
        new("PersonaService/DeletePersona", """{"name":"@persona"}"""),
    ];
}
