using System.Globalization;

namespace EndToEnd.Tests.Security;

/// <summary>Values as the proto JSON mapping writes them, for the tour's request templates.</summary>
public static class ProtoJson
{
    /// <summary>A google.type.Date.</summary>
    public static string Date(DateOnly date) => $$$"""{"year":{{{date.Year}}},"month":{{{date.Month}}},"day":{{{date.Day}}}}""";

    /// <summary>A google.protobuf.Timestamp, to the second.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
