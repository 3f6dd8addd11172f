using Google.Protobuf.Reflection;
using Grpc.Core;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Hostile input over every RPC, through the gateway: each valid request of the tour is turned into generated hostile
/// variants (<see cref="HostileRequests"/>). Every answer is a defined error or a success, never INTERNAL, UNKNOWN or a
/// dead or hanging process; a batch of variants that were all refused leaves the workspace exactly as it was.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class HostileInputTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const string Owner = "hostile-owner";

    /// <summary>Answers that mean the server broke, lost data, hung or died rather than refusing the request.</summary>
    private static readonly HashSet<StatusCode> Broken =
        [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss, StatusCode.Unimplemented, StatusCode.Unavailable, StatusCode.DeadlineExceeded];

    [Fact]
    public async Task Hostile_requests_to_every_rpc_get_defined_answers_and_refused_ones_change_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LODESTAR_FUZZ_SEED"), out var chosen) ? chosen : Environment.TickCount;
        output.WriteLine($"seed {seed} (LODESTAR_FUZZ_SEED={seed} repeats this run)");
        var random = new Random(seed);
        var processes = fixture.Services.ToDictionary(s => s.Name, s => s.ProcessId);
        var (_, rpc, corpus) = await TourCorpus.InNewWorkspaceAsync(fixture, Owner);
        var state = new StateFingerprint(rpc, corpus);

        var findings = new List<string>();
        var (sent, refusedBatches) = (0, 0);
        foreach (var call in Ordered(corpus))
        {
            var (name, method) = (call.Rpc, call.Method);
            var variants = HostileRequests.For(call.Message, random).ToList();
            foreach (var batch in variants.GroupBy(v => v.Plausible))
            {
                var before = RpcCatalog.IsRead(method) ? null : await state.CurrentAsync();
                var accepted = 0;
                foreach (var variant in batch)
                {
                    var outcome = await rpc.CallRawAsync(method, variant.Body, call.Caller);
                    sent++;
                    if (outcome.Code == StatusCode.OK) accepted++;
                    if (Broken.Contains(outcome.Code)) findings.Add($"{name} with {variant.Label}: {outcome}");
                }
                if (accepted > 0) state.Invalidate(); // even a read may record something (an analysis remembers its p-values)
                if (before is null || accepted > 0) continue;
                refusedBatches++;
                if (await state.SettledAsync() is var after && after != before) findings.Add($"{name}: refused {(batch.Key ? "plausible" : "malformed")} requests changed the workspace: {StateFingerprint.Difference(before, after)}");
            }
        }

        output.WriteLine($"{sent} hostile requests to {corpus.DistinctBy(c => c.Rpc).Count()} RPCs; {refusedBatches} all-refused write batches compared before and after");
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        Assert.True(refusedBatches >= 50, $"only {refusedBatches} write batches were refused whole: the check compared too little");
        Assert.All(fixture.Services, s => Assert.Equal((processes[s.Name], true), (s.ProcessId, s.IsRunning)));
    }

    /// <summary>Reads first, then writes, and last the calls that end a resource's life, so most variants meet live resources.</summary>
    private static IEnumerable<RecordedCall> Ordered(IReadOnlyList<RecordedCall> corpus) =>
        corpus.DistinctBy(c => c.Rpc).OrderBy(c => Rank(c.Method));

    private static int Rank(MethodDescriptor method) =>
        RpcCatalog.IsRead(method) ? 0
        : method.Name.StartsWith("Delete", StringComparison.Ordinal) || method.Name is "ArchiveProduct" or "RevokeApiKey" or "CompleteSprint" or "ConcludeExperiment" ? 2
        : 1;
}
