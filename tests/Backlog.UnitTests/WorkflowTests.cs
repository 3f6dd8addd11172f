using Lodestar.Backlog.Domain.Items;
using static Lodestar.Backlog.Domain.Items.ItemStatus;

namespace Backlog.UnitTests;

public sealed class WorkflowTests
{
    [Theory]
    [InlineData(Idea, Ready)]
    [InlineData(Ready, InProgress)]
    [InlineData(InProgress, Done)]
    [InlineData(Done, Shipped)]
    [InlineData(Ready, Idea)]
    [InlineData(Done, InProgress)]
    [InlineData(Idea, WontDo)]
    [InlineData(Done, WontDo)]
    [InlineData(WontDo, Idea)]
    public void Allowed_moves(ItemStatus from, ItemStatus to) => Assert.True(StatusRules.CanMove(from, to));

    [Theory]
    [InlineData(Idea, InProgress)]
    [InlineData(Idea, Done)]
    [InlineData(Ready, Shipped)]
    [InlineData(Shipped, Done)]
    [InlineData(Shipped, WontDo)]
    [InlineData(WontDo, Ready)]
    public void Refused_moves(ItemStatus from, ItemStatus to) => Assert.False(StatusRules.CanMove(from, to));

    [Fact]
    public void Open_and_finished_statuses()
    {
        Assert.Equal([Idea, Ready, InProgress], Enum.GetValues<ItemStatus>().Where(s => s.IsOpen()));
        Assert.Equal([Done, Shipped], Enum.GetValues<ItemStatus>().Where(s => s.IsFinished()));
    }
}
