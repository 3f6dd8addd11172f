using System.Net;
using System.Text;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Hostile input on the REST API, through the gateway, on every route of the tour's requests: malformed and mistyped
/// JSON, invalid UTF-8, absurd nesting and size, wrong content types, nonsense query values. Every answer is a 4xx,
/// never a 5xx, and a write route that refused everything leaves the workspace as it was.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class RestHostileInputTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const string Owner = "rest-hostile-owner";

    [Fact]
    public async Task Malformed_rest_requests_get_a_4xx_and_change_nothing()
    {
        var (workspace, rpc, corpus) = await TourCorpus.InNewWorkspaceAsync(fixture, Owner);
        var state = new StateFingerprint(rpc, corpus);
        using var http = fixture.Rest(Owner, workspace);

        var findings = new List<string>();
        var (sent, compared) = (0, 0);
        foreach (var call in corpus.DistinctBy(r => r.Rpc))
        {
            if (RestRoute.For(call.Method, call.Message) is not { } route) continue;
            var before = route.Verb == HttpMethod.Get ? null : await state.CurrentAsync();
            var accepted = 0;
            foreach (var (label, request) in Hostile(route))
            {
                using (request)
                using (var response = await http.SendAsync(request, TestContext.Current.CancellationToken))
                {
                    sent++;
                    if (response.IsSuccessStatusCode) accepted++;
                    if ((int)response.StatusCode >= 500)
                        findings.Add($"{route.Verb} {route.Path} with {label}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
                }
            }
            if (accepted > 0) state.Invalidate(); // even a read may record something (an analysis remembers its p-values)
            if (before is null || accepted > 0) continue;
            compared++;
            if (await state.SettledAsync() is var after && after != before) findings.Add($"{route.Verb} {route.Path}: refused requests changed the workspace: {StateFingerprint.Difference(before, after)}");
        }

        output.WriteLine($"{sent} hostile REST requests; {compared} all-refused write routes compared before and after");
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        Assert.True(compared >= 50, $"only {compared} write routes refused everything: the check compared too little");
    }

    private static IEnumerable<(string Label, HttpRequestMessage Request)> Hostile(RestRoute route)
    {
        if (route.HasBody)
        {
            foreach (var (label, body) in MalformedBodies())
                yield return (label, new HttpRequestMessage(route.Verb, route.Path) { Content = Json(body) });
            yield return ("invalid UTF-8", new HttpRequestMessage(route.Verb, route.Path) { Content = Bytes([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "application/json") });
            yield return ("a text/plain body", new HttpRequestMessage(route.Verb, route.Path) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") });
            yield return ("an XML body", new HttpRequestMessage(route.Verb, route.Path) { Content = new StringContent("<a>1</a>", Encoding.UTF8, "application/xml") });
        }
        foreach (var query in new[] { "pageSize=abc", "pageSize=99999999999999999999", "pageToken=%00%FF", "updateMask=%7B%7D", "unknownField=1", "pageSize=-1" })
            yield return ($"?{query}", new HttpRequestMessage(route.Verb, route.Path + "?" + query) { Content = route.HasBody ? Json("{}") : null });
    }

    private static IEnumerable<(string Label, string Body)> MalformedBodies()
    {
        yield return ("an unterminated object", "{");
        yield return ("an array instead of an object", "[]");
        yield return ("null", "null");
        yield return ("a cut-off member", "{\"displayName\":");
        yield return ("a number where an object goes", "{\"product\":5,\"kpi\":5,\"name\":5}");
        yield return ("an unknown field", "{\"noSuchField\":\"x\"}");
        yield return ("duplicate keys", "{\"name\":\"a\",\"name\":\"b\"}");
        yield return ("10,000 nested arrays", new string('[', 10_000) + new string(']', 10_000));
        yield return ("a 5 MB string", "{\"displayName\":\"" + new string('x', 5_000_000) + "\"}");
        yield return ("a lone surrogate escape", "{\"displayName\":\"\\ud800\"}");
        yield return ("an absurd number", "{\"pageSize\":1e999,\"target\":-1e999}");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);
        return content;
    }
}
