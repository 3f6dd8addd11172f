using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EndToEnd.Tests.Security;

/// <summary>A call the tour made (or would make) successfully: the RPC's full name, who made it, the request as proto JSON.</summary>
public sealed record RecordedCall(string Rpc, Credentials Caller, string Request)
{
    public MethodDescriptor Method => RpcCatalog.Find(Rpc);

    public IMessage Message => JsonParser.Default.Parse(Request, Method.InputType);
}
