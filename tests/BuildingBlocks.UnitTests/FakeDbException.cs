using System.Data.Common;

namespace BuildingBlocks.UnitTests;

/// <summary>A provider's exception as the error mapping sees it: transient (connection refused, server shutting down) or not.</summary>
internal sealed class FakeDbException(bool transient) : DbException("connection refused")
{
    public override bool IsTransient => transient;
}
