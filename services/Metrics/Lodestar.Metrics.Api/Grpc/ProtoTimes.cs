using Google.Protobuf.WellKnownTypes;

namespace Lodestar.Metrics.Grpc;

/// <summary>Stored UTC times as protobuf timestamps.</summary>
public static class ProtoTimes
{
    public static Timestamp ToProto(this DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static Timestamp? ToProto(this DateTime? utc) => utc?.ToProto();
}
