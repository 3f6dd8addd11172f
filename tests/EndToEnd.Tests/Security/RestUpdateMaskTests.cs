using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EndToEnd.Tests.Security;

/// <summary>
/// An update mask on the REST API may be spelled as proto3 JSON spells it (<c>updateMask=displayName</c>) or with the
/// proto field names (<c>update_mask=display_name</c>): on every update route of the tour both spellings answer alike.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class RestUpdateMaskTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const string Owner = "rest-mask-owner";

    [Fact]
    public async Task Every_update_route_takes_its_mask_in_camel_case_as_in_snake_case()
    {
        var (workspace, _, corpus) = await TourCorpus.InNewWorkspaceAsync(fixture, Owner);
        using var http = fixture.Rest(Owner, workspace);

        var findings = new List<string>();
        var succeeded = 0;
        foreach (var call in corpus.DistinctBy(c => c.Rpc).Where(c => c.Method.Name.StartsWith("Update", StringComparison.Ordinal)))
        {
            var request = call.Message;
            if (request.Descriptor.FindFieldByName("update_mask")?.Accessor.GetValue(request) is not FieldMask { Paths.Count: > 0 } mask
                || RestRoute.For(call.Method, request) is not { HasBody: true } route)
                continue;
            var body = Body(request, route.Body);
            var snake = await SendAsync(http, route, "update_mask=" + string.Join(',', mask.Paths), body);
            var camel = await SendAsync(http, route, "updateMask=" + Uri.EscapeDataString(JsonFormatter.Default.Format(mask).Trim('"')), body);
            if (snake.Status != camel.Status) findings.Add($"{route.Verb} {route.Path} [{string.Join(',', mask.Paths)}]: snake_case {snake}, camelCase {camel}");
            else if (camel.Status == HttpStatusCode.OK) succeeded++;
        }

        output.WriteLine($"{succeeded} update routes succeeded with either spelling");
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        Assert.True(succeeded >= 18, $"only {succeeded} update routes succeeded: the comparison covered too little");
    }

    /// <summary>The JSON of what the route's body carries, without any etag: both calls change the resource in turn.</summary>
    private static string Body(IMessage request, string field)
    {
        var carried = field == "*" ? request : (IMessage)request.Descriptor.FindFieldByName(field).Accessor.GetValue(request);
        var copy = carried.Descriptor.Parser.ParseFrom(carried.ToByteString());
        ClearEtags(copy);
        return JsonFormatter.Default.Format(copy);
    }

    private static void ClearEtags(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.Name == "etag") field.Accessor.Clear(message);
            else if (field.FieldType == Google.Protobuf.Reflection.FieldType.Message && !field.IsRepeated && field.Accessor.GetValue(message) is IMessage nested) ClearEtags(nested);
        }
    }

    private static async Task<(HttpStatusCode Status, string Answer)> SendAsync(HttpClient http, RestRoute route, string query, string body)
    {
        using var request = new HttpRequestMessage(route.Verb, $"{route.Path}?{query}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
