using Lodestar.Errors;

namespace BuildingBlocks.UnitTests;

public sealed class ViolationsTests
{
    private enum Color
    {
        Unspecified = 0,
        Red = 1,
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var error = Assert.Throws<ValidationException>(() => new Violations()
            .RequiredText("a", " ", 10)
            .RequiredText("b", "long text", 3)
            .OptionalText("c", null, 3)
            .DefinedEnum("d", (Color)7, allowZero: true)
            .DefinedEnum("e", Color.Unspecified, allowZero: false)
            .DefinedEnum("f", Color.Unspecified, allowZero: true)
            .ThrowIfAny());
        Assert.Equal(["a", "b", "d", "e"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void No_violation_throws_nothing() => new Violations().RequiredText("a", "ok", 2).DefinedEnum("b", Color.Red, false).ThrowIfAny();
}
