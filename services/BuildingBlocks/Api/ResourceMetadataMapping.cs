using Google.Protobuf.WellKnownTypes;
using Lodestar.Common.V1;
using Lodestar.Persistence;

namespace Lodestar.Api;

/// <summary>The common API metadata (etag, times, creator) of any workspace entity.</summary>
public static class ResourceMetadataMapping
{
    public static ResourceMetadata ToMetadata(this WorkspaceEntity entity) => new()
    {
        Etag = entity.ETag,
        CreateTime = entity.CreateTime.ToUtcTimestamp(),
        UpdateTime = entity.UpdateTime.ToUtcTimestamp(),
        Creator = entity.Creator,
    };

    /// <summary>Stored times are UTC, but providers hand them back with an unspecified kind.</summary>
    public static Timestamp ToUtcTimestamp(this DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static Timestamp? ToUtcTimestamp(this DateTime? utc) => utc?.ToUtcTimestamp();
}
