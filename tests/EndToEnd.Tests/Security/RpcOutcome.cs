using Google.Protobuf;
using Grpc.Core;

namespace EndToEnd.Tests.Security;

/// <summary>How a call ended: its status and, when OK, the response; when refused, the fields the refusal named.</summary>
public sealed record RpcOutcome(StatusCode Code, IMessage? Response, string Detail)
{
    public IReadOnlyList<string> ViolatedFields { get; init; } = [];

    public string ResponseJson => Response is null ? "" : JsonFormatter.Default.Format(Response);

    public override string ToString() => Code == StatusCode.OK ? "OK" : $"{Code} ({Detail})";
}
