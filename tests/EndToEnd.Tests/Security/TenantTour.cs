using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Walks the API as workspace B's admin, one <see cref="TourStep"/> after another, and before each call has every other
/// party try the very same request: bad credentials must be UNAUTHENTICATED; a viewer's writes PERMISSION_DENIED; an
/// intruder naming B's workspace PERMISSION_DENIED; an intruder replaying B's request in their own workspace must fail
/// exactly as the same request naming resources that do not exist (no answer tells B's resources exist) and may succeed
/// only on a request naming nothing of B's, with nothing of B's in the answer. The owner's call comes last and must
/// succeed, which also proves the others' attempts (a delete, an archive) changed nothing it depends on.
/// </summary>
public sealed partial class TenantTour(DynamicRpc rpc, TourParties parties, bool othersTry = true)
{
    /// <summary>Writes that need no role in the workspace named by the header: they act on the caller alone.</summary>
    private static readonly HashSet<string> NotWorkspaceScoped = new(StringComparer.Ordinal)
    {
        "lodestar.workspaces.v1.WorkspaceService/CreateWorkspace",
        "lodestar.workspaces.v1.WorkspaceService/ListWorkspaces",
        "lodestar.workspaces.v1.WorkspaceService/AcceptInvitation",
    };

    /// <summary>Reads of secrets and pending access that only a workspace's admins may make.</summary>
    private static readonly HashSet<string> AdminReads = new(StringComparer.Ordinal)
    {
        "lodestar.workspaces.v1.WorkspaceService/ListInvitations",
        "lodestar.workspaces.v1.ApiKeyService/GetApiKey",
        "lodestar.workspaces.v1.ApiKeyService/ListApiKeys",
    };

    private readonly Dictionary<string, string> _captured = new(StringComparer.Ordinal);
    private readonly HashSet<string> _secretsOfB = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TourFinding> _findings = [];
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);
    private readonly List<RecordedCall> _recorded = [];

    public IReadOnlyList<TourFinding> Findings => _findings;

    public IReadOnlySet<string> Covered => _covered;

    /// <summary>Every request the owner made successfully, for replays after the tour (a revoked key, hostile variants).</summary>
    public IReadOnlyList<RecordedCall> Recorded => _recorded;

    public int Calls { get; private set; }

    public async Task RunAsync(IEnumerable<TourStep> steps)
    {
        _secretsOfB.Add(parties.WorkspaceB.ToString());
        foreach (var step in steps) await RunStepAsync(step);
    }

    /// <summary>The requests <paramref name="steps"/> would send now, as the owner, without sending them.</summary>
    public IEnumerable<RecordedCall> Planned(IEnumerable<TourStep> steps) =>
        steps.Select(step => new RecordedCall(RpcCatalog.FullName(Resolve(step.Rpc)), parties.OwnerCredentials, Substitute(step.Json)));

    private async Task RunStepAsync(TourStep step)
    {
        var method = Resolve(step.Rpc);
        if (Placeholders().Matches(step.Json).FirstOrDefault(m => !_captured.ContainsKey(m.Groups[1].Value)) is { } missing)
        {
            _findings.Add(new TourFinding(step.Rpc, "the tour", $"{missing.Value} captured by an earlier step", "an earlier step failed"));
            return;
        }
        var json = Substitute(step.Json);
        var request = JsonParser.Default.Parse(json, method.InputType);
        if (othersTry) await OthersTryAsync(method, request, json, step.BearerSecret);
        var caller = step.Caller is null ? parties.OwnerCredentials : Credentials.User(step.Caller, parties.WorkspaceB);

        var deadline = DateTime.UtcNow.AddSeconds(step.Eventually ? 90 : 0);
        while (true)
        {
            var outcome = await CallAsync(method, request, caller);
            var captured = outcome.Code == StatusCode.OK && step.Capture is not null ? Read(outcome.ResponseJson, step.Path) : null;
            if (outcome.Code == StatusCode.OK && (step.Capture is null || captured is not null))
            {
                _covered.Add(RpcCatalog.FullName(method));
                _recorded.Add(new RecordedCall(RpcCatalog.FullName(method), caller, json));
                foreach (Match id in Guids().Matches(outcome.ResponseJson)) _secretsOfB.Add(id.Value);
                if (step.Capture is not null)
                {
                    _captured[step.Capture] = captured!;
                    _secretsOfB.Add(captured!);
                }
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                var what = outcome.Code == StatusCode.OK ? $"OK without {step.Path}: {outcome.ResponseJson}" : outcome.ToString();
                _findings.Add(new TourFinding(step.Rpc, caller.Label, "OK", what));
                return;
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private async Task OthersTryAsync(MethodDescriptor method, IMessage request, string json, bool bearerSecret)
    {
        var name = RpcCatalog.FullName(method);
        foreach (var bad in BadTokens.For(parties.WorkspaceB))
            Expect(name, bad, await CallAsync(method, request, bad), StatusCode.Unauthenticated);
        if (bearerSecret) return;

        if (_captured.ContainsKey(ViewerReady))
        {
            var viewer = await CallAsync(method, request, parties.ViewerCredentials);
            if (AdminReads.Contains(name)) Expect(name, parties.ViewerCredentials, viewer, StatusCode.PermissionDenied);
            else if (RpcCatalog.IsRead(method) || NotWorkspaceScoped.Contains(name))
            {
                if (viewer.Code is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
                    _findings.Add(new TourFinding(name, "a viewer of B", "a read allowed", viewer.ToString()));
            }
            else Expect(name, parties.ViewerCredentials, viewer, StatusCode.PermissionDenied);
        }

        var namesB = MentionsB(json);
        foreach (var stranger in new[] { parties.IntruderInB, parties.IntruderKeyInB })
        {
            var outcome = await CallAsync(method, request, stranger);
            if (NotWorkspaceScoped.Contains(name)) ExpectNothingOfB(name, stranger, outcome);
            else if (outcome.Code is not (StatusCode.PermissionDenied or StatusCode.NotFound))
                _findings.Add(new TourFinding(name, stranger.Label, "PERMISSION_DENIED or NOT_FOUND", outcome.ToString()));
        }

        var atHome = await CallAsync(method, request, parties.IntruderAtHome);
        ExpectNothingOfB(name, parties.IntruderAtHome, atHome);
        if (namesB)
        {
            // The same request naming ids that exist nowhere: B's resources must be indistinguishable from those.
            var unknown = JsonParser.Default.Parse(WithUnknownIds(json), method.InputType);
            var control = await CallAsync(method, unknown, parties.IntruderAtHome);
            if (control.Code != atHome.Code)
                _findings.Add(new TourFinding(name, parties.IntruderAtHome.Label, $"the answer for unknown ids ({control})", atHome.ToString()));
        }
    }

    private void ExpectNothingOfB(string rpc, Credentials caller, RpcOutcome outcome)
    {
        if (outcome.Code is StatusCode.Internal or StatusCode.Unknown)
            _findings.Add(new TourFinding(rpc, caller.Label, "a defined error", outcome.ToString()));
        else if (outcome.Code == StatusCode.OK && MentionsB(outcome.ResponseJson))
            _findings.Add(new TourFinding(rpc, caller.Label, "nothing of B's in the answer", outcome.ResponseJson));
    }

    private void Expect(string rpc, Credentials caller, RpcOutcome outcome, StatusCode expected)
    {
        if (outcome.Code != expected) _findings.Add(new TourFinding(rpc, caller.Label, expected.ToString(), outcome.ToString()));
    }

    private async Task<RpcOutcome> CallAsync(MethodDescriptor method, IMessage request, Credentials caller)
    {
        Calls++;
        return await rpc.CallAsync(method, request, caller);
    }

    /// <summary>Set by the step that makes the viewer a member of B; the viewer's checks start after it.</summary>
    public const string ViewerReady = "viewer-member";

    private bool MentionsB(string text) => _secretsOfB.Any(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase));

    private string WithUnknownIds(string json)
    {
        var replaced = json;
        foreach (var secret in _secretsOfB.Where(s => Guids().IsMatch(s) && s.Length == 36)) replaced = replaced.Replace(secret, Guid.NewGuid().ToString(), StringComparison.OrdinalIgnoreCase);
        foreach (var secret in _secretsOfB.Where(s => !Guids().IsMatch(s))) replaced = replaced.Replace(secret, "lsi_unknown" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        return replaced;
    }

    private string Substitute(string json) =>
        Placeholders().Replace(json, m => _captured.TryGetValue(m.Groups[1].Value, out var value)
            ? JsonEncodedText.Encode(value).ToString()
            : throw new InvalidOperationException($"@{m.Groups[1].Value} is used before a step captures it."));

    private static MethodDescriptor Resolve(string rpc) =>
        RpcCatalog.All.SingleOrDefault(m => $"{m.Service.Name}/{m.Name}" == rpc) ?? throw new ArgumentException($"No RPC {rpc}.", nameof(rpc));

    /// <summary>The value at a dotted path of camelCase JSON ("entries.0.backlogItem.name"), or null.</summary>
    private static string? Read(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, out var index))
            {
                if (index >= element.GetArrayLength()) return null;
                element = element[index];
            }
            else if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.ToString();
    }

    [GeneratedRegex(@"@([a-zA-Z][\w-]*)")]
    private static partial Regex Placeholders();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
