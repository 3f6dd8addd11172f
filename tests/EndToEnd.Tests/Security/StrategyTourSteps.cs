namespace EndToEnd.Tests.Security;

/// <summary>The strategy service's part of the tour: a product and everything that hangs off it.</summary>
public static class StrategyTourSteps
{
    public static IEnumerable<TourStep> Building =>
    [
        new("ProductService/CreateProduct", """{"product":{"displayName":"Tour product","description":"Where the tour runs"}}""", "product"),
        new("ProductService/GetProduct", """{"name":"@product"}"""),
        new("ProductService/ListProducts", "{}"),
        new("ProductService/UpdateProduct", """{"product":{"name":"@product","description":"Changed by the tour"},"updateMask":"description"}"""),
        new("ProductService/GetPositioning", """{"name":"@product/positioning"}"""),
        new("ProductService/UpdatePositioning", """{"positioning":{"name":"@product/positioning","vision":"One loop"},"updateMask":"vision"}"""),
        new("ProductService/CreateStageReview",
            """{"parent":"@product","stageReview":{"decision":"STAGE_DECISION_MOVE","targetStage":"LIFECYCLE_STAGE_GROWTH","rationale":"Usage grows"}}"""),
        new("ProductService/ListStageReviews", """{"parent":"@product"}"""),
        new("ProductService/GetStageSuggestion", """{"name":"@product/stageSuggestion"}"""),
        new("GoalService/CreateGoal",
            """{"goal":{"product":"@product","title":"Grow","periodStart":{"year":2026,"month":1,"day":1},"periodEnd":{"year":2026,"month":12,"day":31}}}""", "goal"),
        new("GoalService/GetGoal", """{"name":"@goal"}"""),
        new("GoalService/ListGoals", """{"product":"@product"}"""),
        new("GoalService/UpdateGoal", """{"goal":{"name":"@goal","owner":"Ana"},"updateMask":"owner"}"""),
        new("GoalService/CreateKeyResult", """{"parent":"@goal","keyResult":{"title":"Weekly users","baseline":100,"target":200}}""", "keyResult"),
        new("GoalService/UpdateKeyResult", """{"keyResult":{"name":"@keyResult","target":300},"updateMask":"target"}"""),
        new("KpiService/CreateKpi", """{"kpi":{"product":"@product","displayName":"Weekly users","metricKey":"wau","direction":"KPI_DIRECTION_UP","target":100}}""", "kpi"),
        new("KpiService/GetKpi", """{"name":"@kpi"}"""),
        new("KpiService/ListKpis", """{"product":"@product"}"""),
        new("KpiService/UpdateKpi", """{"kpi":{"name":"@kpi","target":120},"updateMask":"target"}"""),
        new("KpiService/ListKpiValues", """{"parent":"@kpi"}"""),
        new("RoadmapService/CreateInitiative", """{"initiative":{"product":"@product","title":"Onboarding","horizon":"HORIZON_NOW","goals":["@goal"]}}""", "initiative"),
        new("RoadmapService/GetInitiative", """{"name":"@initiative"}"""),
        new("RoadmapService/ListInitiatives", """{"product":"@product"}"""),
        new("RoadmapService/UpdateInitiative", """{"initiative":{"name":"@initiative","description":"First week"},"updateMask":"description"}"""),
        new("RoadmapService/GetRoadmap", """{"name":"@product/roadmap"}"""),
        new("StakeholderService/CreateStakeholder",
            """{"stakeholder":{"displayName":"Head of sales","function":"STAKEHOLDER_FUNCTION_SALES","product":"@product"}}""", "stakeholder"),
        new("StakeholderService/GetStakeholder", """{"name":"@stakeholder"}"""),
        new("StakeholderService/ListStakeholders", """{"product":"@product"}"""),
        new("StakeholderService/UpdateStakeholder", """{"stakeholder":{"name":"@stakeholder","title":"VP"},"updateMask":"title"}"""),
        new("CompetitorService/CreateCompetitor", """{"competitor":{"product":"@product","displayName":"Rival"}}""", "competitor"),
        new("CompetitorService/GetCompetitor", """{"name":"@competitor"}"""),
        new("CompetitorService/ListCompetitors", """{"product":"@product"}"""),
        new("CompetitorService/UpdateCompetitor", """{"competitor":{"name":"@competitor","segment":"SMB"},"updateMask":"segment"}"""),
        new("DecisionService/CreateDecision",
            """{"decision":{"product":"@product","title":"Go","outcome":"We go","rationale":"Evidence","decideDate":{"year":2026,"month":6,"day":1},"informedStakeholders":["@stakeholder"]}}""",
            "decision"),
        new("DecisionService/GetDecision", """{"name":"@decision"}"""),
        new("DecisionService/ListDecisions", """{"product":"@product"}"""),
        new("DecisionService/UpdateDecision", """{"decision":{"name":"@decision","context":"Q3"},"updateMask":"context"}"""),
    ];

    public static IEnumerable<TourStep> Removing =>
    [
        new("DecisionService/DeleteDecision", """{"name":"@decision"}"""),
        new("CompetitorService/DeleteCompetitor", """{"name":"@competitor"}"""),
        new("StakeholderService/DeleteStakeholder", """{"name":"@stakeholder"}"""),
        new("RoadmapService/DeleteInitiative", """{"name":"@initiative"}"""),
        new("KpiService/DeleteKpi", """{"name":"@kpi"}"""),
        new("GoalService/DeleteKeyResult", """{"name":"@keyResult"}"""),
        new("GoalService/DeleteGoal", """{"name":"@goal"}"""),
        new("ProductService/ArchiveProduct", """{"name":"@product"}"""),
    ];
}
