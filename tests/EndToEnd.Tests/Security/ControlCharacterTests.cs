using Grpc.Core;

namespace EndToEnd.Tests.Security;

/// <summary>
/// On PostgreSQL, which cannot store U+0000 in text: a NUL in any string field of any RPC (each text field of the
/// request and of the messages it holds, new repeated entries and map values included) is INVALID_ARGUMENT naming that
/// field, never INTERNAL, and the workspace is left exactly as it was.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class ControlCharacterTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const string Owner = "nul-owner";

    [Fact]
    public async Task A_nul_in_any_string_field_of_any_rpc_is_refused_naming_the_field_and_changes_nothing()
    {
        var (_, rpc, corpus) = await TourCorpus.InNewWorkspaceAsync(fixture, Owner);
        var state = new StateFingerprint(rpc, corpus);
        var before = await state.CurrentAsync();

        var findings = new List<string>();
        var (sent, writes) = (0, 0);
        foreach (var call in corpus.DistinctBy(c => c.Rpc))
        {
            foreach (var (path, request) in NulVariants.For(call.Message))
            {
                var outcome = await rpc.CallAsync(call.Method, request, call.Caller);
                sent++;
                if (!RpcCatalog.IsRead(call.Method)) writes++;
                if (outcome.Code != StatusCode.InvalidArgument || !outcome.ViolatedFields.Contains(path))
                    findings.Add($"{call.Rpc} with a NUL in {path}: {outcome}, naming [{string.Join(", ", outcome.ViolatedFields)}]");
            }
        }

        output.WriteLine($"{sent} requests with a NUL ({writes} to writes) over {corpus.DistinctBy(c => c.Rpc).Count()} RPCs");
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        Assert.True(writes >= 450, $"only {writes} writes carried a NUL: the corpus lost its requests");
        var after = await state.SettledAsync();
        Assert.True(after == before, StateFingerprint.Difference(before, after));
    }
}
