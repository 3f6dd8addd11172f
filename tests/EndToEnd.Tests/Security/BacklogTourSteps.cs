namespace EndToEnd.Tests.Security;

/// <summary>The backlog service's part of the tour: items, ranking, a sprint from plan to completion, import and export.</summary>
public static class BacklogTourSteps
{
    public static IEnumerable<TourStep> Building(DateOnly today) =>
    [
        new("BacklogItemService/CreateBacklogItem",
            """{"backlogItem":{"product":"@product","type":"ITEM_TYPE_FEATURE","title":"Guided setup","estimatePoints":3,"status":"ITEM_STATUS_READY","problems":["@problem"],"rice":{"reach":100,"impact":2,"confidence":0.8,"effort":2}}}""",
            "item", Eventually: true),
        new("BacklogItemService/CreateBacklogItem",
            """{"backlogItem":{"product":"@product","type":"ITEM_TYPE_BUG","title":"Import loses rows","estimatePoints":2,"status":"ITEM_STATUS_READY","rice":{"reach":50,"impact":1,"confidence":0.5,"effort":1}}}""",
            "secondItem"),
        new("BacklogItemService/GetBacklogItem", """{"name":"@item"}"""),
        new("BacklogItemService/ListBacklogItems", """{"product":"@product"}"""),
        new("BacklogItemService/UpdateBacklogItem", """{"backlogItem":{"name":"@item","description":"Three steps"},"updateMask":"description"}"""),
        new("BacklogItemService/AddKanoResponses", """{"name":"@item","responses":[{"functional":"KANO_ANSWER_LIKE","dysfunctional":"KANO_ANSWER_DISLIKE"}]}"""),
        new("PrioritizationService/GetBacklogSettings", """{"name":"@product/backlogSettings"}"""),
        new("PrioritizationService/UpdateBacklogSettings",
            """{"backlogSettings":{"name":"@product/backlogSettings","rankingFramework":"FRAMEWORK_RICE"},"updateMask":"rankingFramework"}"""),
        new("PrioritizationService/ExplainBacklogItemScore", """{"name":"@item"}"""),
        new("PrioritizationService/GetRankedBacklog", """{"name":"@product/backlog"}"""),
        new("PrioritizationService/MoveBacklogItem", """{"name":"@secondItem","above":"@item"}"""),
        new("PrioritizationService/RerankBacklog", """{"name":"@product/backlog"}"""),
        new("PrioritizationService/AnalyzeRankRobustness", """{"name":"@product/backlog","samples":1000,"seed":7}"""),
        new("SprintService/CreateSprint",
            $$$"""{"sprint":{"product":"@product","displayName":"Tour sprint","startDate":{{{ProtoJson.Date(today)}}},"endDate":{{{ProtoJson.Date(today.AddDays(13))}}},"capacityPoints":10}}""",
            "sprint"),
        new("SprintService/CreateSprint",
            $$$"""{"sprint":{"product":"@product","displayName":"Next sprint","startDate":{{{ProtoJson.Date(today.AddDays(14))}}},"endDate":{{{ProtoJson.Date(today.AddDays(27))}}}}}""",
            "nextSprint"),
        new("SprintService/GetSprint", """{"name":"@sprint"}"""),
        new("SprintService/ListSprints", """{"product":"@product"}"""),
        new("SprintService/UpdateSprint", """{"sprint":{"name":"@sprint","goal":"Faster setup"},"updateMask":"goal"}"""),
        new("SprintService/PlanSprint", """{"name":"@sprint","validateOnly":true}"""),
        new("SprintService/AddSprintItem", """{"name":"@sprint","backlogItem":"@secondItem"}"""),
        new("SprintService/RemoveSprintItem", """{"name":"@sprint","backlogItem":"@secondItem"}"""),
        new("SprintService/AddSprintItem", """{"name":"@sprint","backlogItem":"@item"}"""),
        new("SprintService/StartSprint", """{"name":"@sprint"}"""),
        new("SprintService/GetSprintBurndown", """{"name":"@sprint/burndown"}"""),
        // Shipping an item gives metrics a release marker to measure.
        new("BacklogItemService/UpdateBacklogItem", """{"backlogItem":{"name":"@item","status":"ITEM_STATUS_IN_PROGRESS"},"updateMask":"status"}"""),
        new("BacklogItemService/UpdateBacklogItem", """{"backlogItem":{"name":"@item","status":"ITEM_STATUS_DONE"},"updateMask":"status"}"""),
        new("BacklogItemService/UpdateBacklogItem", """{"backlogItem":{"name":"@item","status":"ITEM_STATUS_SHIPPED"},"updateMask":"status"}"""),
        new("SprintService/CompleteSprint", """{"name":"@sprint"}"""),
        new("BacklogTransferService/ImportJiraIssues",
            """{"product":"@product","csvContent":"Summary,Issue key,Issue Type,Status\nFaster export,TOUR-1,Story,To Do\n","validateOnly":true}"""),
        new("BacklogTransferService/ExportRankedBacklog", """{"name":"@product/backlog"}"""),
    ];

    public static IEnumerable<TourStep> Removing =>
    [
        new("SprintService/DeleteSprint", """{"name":"@nextSprint"}"""),
        new("BacklogItemService/DeleteBacklogItem", """{"name":"@secondItem"}"""),
    ];
}
