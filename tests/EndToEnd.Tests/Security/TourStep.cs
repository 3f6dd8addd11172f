namespace EndToEnd.Tests.Security;

/// <summary>
/// One call of the tour, made by workspace B's admin: <paramref name="Rpc"/> as "Service/Method", the request as proto
/// JSON in which <c>@name</c> stands for a value captured earlier, and what to capture from the response (a dotted
/// path of its JSON). <paramref name="Eventually"/> repeats the call until it succeeds and the path exists, for
/// effects that arrive through integration events. <paramref name="Caller"/> makes the call as another user of B than
/// its admin; <paramref name="BearerSecret"/> marks a request whose secret (an invitation code) is itself the
/// authority, so only the credential checks apply to it.
/// </summary>
public sealed record TourStep(
    string Rpc, string Json, string? Capture = null, string Path = "name", bool Eventually = false, string? Caller = null, bool BearerSecret = false);
