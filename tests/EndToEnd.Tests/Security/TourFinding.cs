namespace EndToEnd.Tests.Security;

/// <summary>A rule of the tour that a call broke: which call, as whom, what was expected and what came back.</summary>
public sealed record TourFinding(string Rpc, string Caller, string Expected, string Actual)
{
    public override string ToString() => $"{Rpc} as {Caller}: expected {Expected}, got {Actual}";
}
