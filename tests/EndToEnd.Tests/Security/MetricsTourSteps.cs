namespace EndToEnd.Tests.Security;

/// <summary>The metrics service's part of the tour: usage events and every analysis of them, experiments, funnels, surveys.</summary>
public static class MetricsTourSteps
{
    public static IEnumerable<TourStep> Building(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var period = $"\"startDate\":{ProtoJson.Date(today.AddDays(-6))},\"endDate\":{ProtoJson.Date(today)}";
        var time = ProtoJson.Timestamp(now);
        // Metric values describe complete days: a use yesterday gives the product some.
        var yesterday = ProtoJson.Timestamp(now.AddDays(-1));
        return
        [
            // Metrics learns of the product from strategy's event, hence the first call waits for it.
            new("EventService/TrackEvent", $$$"""{"parent":"@product","event":{"eventId":"tour-1","userId":"u1","eventName":"open","eventTime":"{{{time}}}"}}""",
                Eventually: true),
            new("EventService/BatchTrackEvents",
                $$$"""{"parent":"@product","events":[{"eventId":"tour-2","userId":"u2","eventName":"open","eventTime":"{{{time}}}"},{"eventId":"tour-3","userId":"u2","eventName":"activate","eventTime":"{{{time}}}"},{"eventId":"tour-4","userId":"u2","eventName":"open","eventTime":"{{{yesterday}}}"}]}"""),
            new("EventService/RebuildAggregates", """{"product":"@product"}"""),
            new("ActivityService/GetActivity", $$$"""{"product":"@product",{{{period}}}}"""),
            new("ActivityService/GetRetention", $$$"""{"product":"@product",{{{period}}},"period":"PERIOD_DAY","periods":3}"""),
            new("ActivityService/GetChurn", $$$"""{"product":"@product",{{{period}}},"period":"PERIOD_DAY"}"""),
            new("FunnelService/CreateFunnel", """{"parent":"@product","funnel":{"displayName":"Activation","steps":["open","activate"]}}""", "funnel"),
            new("FunnelService/GetFunnel", """{"name":"@funnel"}"""),
            new("FunnelService/ListFunnels", """{"parent":"@product"}"""),
            new("FunnelService/UpdateFunnel", """{"funnel":{"name":"@funnel","displayName":"Activation in a day"},"updateMask":"displayName"}"""),
            new("FunnelService/GetFunnelReport", $$$"""{"name":"@funnel",{{{period}}}}"""),
            new("FunnelService/GetClickThroughRate", $$$"""{"product":"@product","impressionEvent":"open","clickEvent":"activate",{{{period}}}}"""),
            new("FunnelService/GetEngagement", $$$"""{"product":"@product",{{{period}}}}"""),
            new("ExperimentService/CreateExperiment",
                """{"parent":"@product","experiment":{"key":"tour-setup","displayName":"Guided setup","variants":[{"key":"control","weightPercent":50,"control":true},{"key":"guided","weightPercent":50}],"conversionEvent":"activate","baselineConversionRate":0.2,"minimumDetectableEffect":0.05}}""",
                "experiment"),
            new("ExperimentService/CreateExperiment",
                """{"parent":"@product","experiment":{"key":"tour-draft","displayName":"Shorter form","variants":[{"key":"control","weightPercent":50,"control":true},{"key":"short","weightPercent":50}],"conversionEvent":"activate","baselineConversionRate":0.2,"minimumDetectableEffect":0.05}}""",
                "draftExperiment"),
            new("ExperimentService/GetExperiment", """{"name":"@experiment"}"""),
            new("ExperimentService/ListExperiments", """{"parent":"@product"}"""),
            new("ExperimentService/UpdateExperiment", """{"experiment":{"name":"@experiment","description":"Three steps instead of nine"},"updateMask":"description"}"""),
            new("ExperimentService/StartExperiment", """{"name":"@experiment"}"""),
            new("ExperimentService/AssignVariant", """{"experiment":"@experiment","userId":"u1"}"""),
            new("ExperimentService/AnalyzeExperiment", """{"name":"@experiment"}"""),
            new("ExperimentService/ConcludeExperiment", """{"name":"@experiment","verdict":"VERDICT_INCONCLUSIVE","reason":"The tour ends"}"""),
            new("ExperimentService/CalculateSampleSize", """{"baselineConversionRate":0.2,"minimumDetectableEffect":0.05}"""),
            new("SurveyService/CreateSurvey", """{"parent":"@product","survey":{"displayName":"NPS","kind":"SURVEY_KIND_NPS"}}""", "survey"),
            new("SurveyService/CreateSurvey", """{"parent":"@product","survey":{"displayName":"CSAT","kind":"SURVEY_KIND_CSAT"}}""", "csatSurvey"),
            new("SurveyService/GetSurvey", """{"name":"@survey"}"""),
            new("SurveyService/ListSurveys", """{"parent":"@product"}"""),
            new("SurveyService/RecordSurveyResponse", $$$"""{"parent":"@survey","response":{"responseId":"r1","respondentId":"u1","score":9,"responseTime":"{{{time}}}"}}"""),
            new("SurveyService/GetNpsReport", $$$"""{"product":"@product",{{{period}}}}"""),
            new("SurveyService/GetCsatReport", $$$"""{"product":"@product",{{{period}}}}"""),
            // Values are computed from the events in the background; the release marker comes from the shipped item.
            new("MetricValueService/ListMetricValues", """{"parent":"@product"}""", "metricValue", "metricValues.0.name", Eventually: true),
            new("MetricValueService/GetMetricValue", """{"name":"@metricValue"}"""),
            new("MetricValueService/ListReleaseMarkers", """{"parent":"@product"}""", "releaseMarker", "releaseMarkers.0.name", Eventually: true),
            new("MetricValueService/GetReleaseImpact", """{"name":"@releaseMarker","metricKey":"dau"}"""),
        ];
    }

    public static IEnumerable<TourStep> Removing =>
    [
        new("SurveyService/DeleteSurvey", """{"name":"@csatSurvey"}"""),
        new("FunnelService/DeleteFunnel", """{"name":"@funnel"}"""),
        new("ExperimentService/DeleteExperiment", """{"name":"@draftExperiment"}"""),
    ];
}
