using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Lodestar.Security;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Surveys;

/// <summary>NPS and CSAT surveys: responses in, scores with intervals and trends out.</summary>
public sealed class SurveyTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Nps_is_promoters_minus_detractors_with_its_interval_and_weekly_trend(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var surveys = hosts.Surveys(provider, workspace);
        var survey = await surveys.CreateSurveyAsync(new CreateSurveyRequest
        {
            Parent = product, Survey = new Survey { DisplayName = "Quarterly NPS", Kind = SurveyKind.Nps, Question = "How likely are you to recommend us?" },
        }, cancellationToken: Cancel);
        // Week 0: 10, 10, 10, 9, 8, 6; week 1: 10, 8, 8, 6. Promoters 5, passives 3, detractors 2.
        int[] firstWeek = [10, 10, 10, 9, 8, 6];
        int[] secondWeek = [10, 8, 8, 6];
        foreach (var (score, i) in firstWeek.Select((s, i) => (s, i))) await RespondAsync(surveys, survey.Name, score, day: 1, $"r{i}");
        foreach (var (score, i) in secondWeek.Select((s, i) => (s, i))) await RespondAsync(surveys, survey.Name, score, day: 8, $"s{i}");

        var report = await surveys.GetNpsReportAsync(new GetNpsReportRequest
        {
            Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(13), Period = Period.Week,
        }, cancellationToken: Cancel);

        Assert.Equal((10L, 5L, 3L, 2L), (report.Overall.Responses, report.Overall.Promoters, report.Overall.Passives, report.Overall.Detractors));
        Assert.Equal(30, report.Overall.Score, 10);
        // Var = 0.5 + 0.2 − 0.3² = 0.61; margin = 196 · √(0.61 / 10) = 48.41.
        Assert.Equal(30 - 48.41, report.Overall.IntervalLow, 2);
        Assert.Equal(30 + 48.41, report.Overall.IntervalHigh, 2);
        Assert.Equal([Usage.Date(0), Usage.Date(7)], report.Periods.Select(p => p.StartDate));
        Assert.Equal(100.0 * (4 - 1) / 6, report.Periods[0].Summary.Score, 10);
        Assert.Equal(0, report.Periods[1].Summary.Score, 10);
        Assert.Equal(10, (await surveys.GetSurveyAsync(new GetSurveyRequest { Name = survey.Name }, cancellationToken: Cancel)).ResponseCount);
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Surveys_combine_into_one_score_and_a_resent_response_counts_once(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var surveys = hosts.Surveys(provider, workspace);
        var inApp = await NewSurveyAsync(surveys, product, SurveyKind.Nps, "In-app");
        var email = await NewSurveyAsync(surveys, product, SurveyKind.Nps, "Email");
        var csat = await NewSurveyAsync(surveys, product, SurveyKind.Csat, "Support CSAT");
        await RespondAsync(surveys, inApp.Name, 10, 1, "a");
        var again = await RespondAsync(surveys, inApp.Name, 10, 1, "a");
        await RespondAsync(surveys, inApp.Name, 3, 1, "b");
        await RespondAsync(surveys, email.Name, 9, 2, "c");
        foreach (var (score, i) in new[] { 5, 4, 3, 2, 5 }.Select((s, i) => (s, i))) await RespondAsync(surveys, csat.Name, score, 2, $"csat-{i}");

        var both = await surveys.GetNpsReportAsync(new GetNpsReportRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(30) }, cancellationToken: Cancel);
        var one = await surveys.GetNpsReportAsync(new GetNpsReportRequest { Product = product, Surveys = { email.Name }, StartDate = Usage.Date(0), EndDate = Usage.Date(30) }, cancellationToken: Cancel);
        var satisfaction = await surveys.GetCsatReportAsync(new GetCsatReportRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(30) }, cancellationToken: Cancel);

        Assert.Equal("a", again.ResponseId);
        Assert.Equal((3L, 100.0 * (2 - 1) / 3), (both.Overall.Responses, both.Overall.Score));
        Assert.Equal(2, both.Surveys.Count);
        Assert.Equal(100, one.Overall.Score);
        Assert.Equal((5L, 3L, 60.0), (satisfaction.Overall.Responses, satisfaction.Overall.Satisfied, satisfaction.Overall.Score));
        Assert.NotEmpty(both.Periods); // monthly by default
        Assert.Equal(3, (await surveys.ListSurveysAsync(new ListSurveysRequest { Parent = product }, cancellationToken: Cancel)).Surveys.Count);
        await surveys.DeleteSurveyAsync(new DeleteSurveyRequest { Name = inApp.Name }, cancellationToken: Cancel);
        var after = await surveys.GetNpsReportAsync(new GetNpsReportRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(30) }, cancellationToken: Cancel);
        Assert.Equal(1, after.Overall.Responses);
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Answers_off_the_scale_and_mixed_kinds_are_refused(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var surveys = hosts.Surveys(provider, workspace);
        var nps = await NewSurveyAsync(surveys, product, SurveyKind.Nps, "NPS");
        var csat = await NewSurveyAsync(surveys, product, SurveyKind.Csat, "CSAT");

        await Rpc.InvalidAsync(surveys.RecordSurveyResponseAsync(new RecordSurveyResponseRequest { Parent = nps.Name, Response = new SurveyResponse { Score = 11 } }, cancellationToken: Cancel), "response.score");
        await Rpc.InvalidAsync(surveys.RecordSurveyResponseAsync(new RecordSurveyResponseRequest { Parent = nps.Name, Response = new SurveyResponse { Score = -1 } }, cancellationToken: Cancel), "response.score");
        await Rpc.InvalidAsync(surveys.RecordSurveyResponseAsync(new RecordSurveyResponseRequest
        {
            Parent = csat.Name, Response = new SurveyResponse { Score = 0, ResponseId = "bad id", ResponseTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)) },
        }, cancellationToken: Cancel), "response.score", "response.response_id", "response.response_time");
        await Rpc.InvalidAsync(surveys.CreateSurveyAsync(new CreateSurveyRequest { Parent = product, Survey = new Survey { DisplayName = "" } }, cancellationToken: Cancel),
            "survey.display_name", "survey.kind");
        await Rpc.InvalidAsync(surveys.GetNpsReportAsync(new GetNpsReportRequest
        {
            Product = product, Surveys = { csat.Name, "surveys/1" }, StartDate = Usage.Date(0), EndDate = Usage.Date(1),
        }, cancellationToken: Cancel), "surveys[1]");
        await Rpc.InvalidAsync(surveys.GetNpsReportAsync(new GetNpsReportRequest { Product = product, Surveys = { csat.Name }, StartDate = Usage.Date(0), EndDate = Usage.Date(1) }, cancellationToken: Cancel),
            "surveys[0]");
        await Rpc.FailsAsync(StatusCode.NotFound, hosts.Surveys(provider, Guid.NewGuid()).GetSurveyAsync(new GetSurveyRequest { Name = nps.Name }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.PermissionDenied, hosts.Surveys(provider, workspace, WorkspaceRole.Viewer).RecordSurveyResponseAsync(
            new RecordSurveyResponseRequest { Parent = nps.Name, Response = new SurveyResponse { Score = 5 } }, cancellationToken: Cancel));
        var report = await surveys.GetNpsReportAsync(new GetNpsReportRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(60) }, cancellationToken: Cancel);
        Assert.Equal(0, report.Overall.Responses);
    }

    private static Task<Survey> NewSurveyAsync(SurveyService.SurveyServiceClient surveys, string product, SurveyKind kind, string name) =>
        surveys.CreateSurveyAsync(new CreateSurveyRequest { Parent = product, Survey = new Survey { DisplayName = name, Kind = kind } }, cancellationToken: Cancel).ResponseAsync;

    private static Task<SurveyResponse> RespondAsync(SurveyService.SurveyServiceClient surveys, string survey, int score, int day, string id) =>
        surveys.RecordSurveyResponseAsync(new RecordSurveyResponseRequest
        {
            Parent = survey,
            Response = new SurveyResponse
            {
                ResponseId = id, RespondentId = "user-" + id, Score = score, Comment = "ok",
                ResponseTime = Timestamp.FromDateTime(Usage.Day(day).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)),
            },
        }, cancellationToken: Cancel).ResponseAsync;
}
