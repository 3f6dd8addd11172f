using Lodestar.Errors;

namespace BuildingBlocks.UnitTests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("plain text", null)]
    [InlineData("tab\tand\r\nline breaks", null)]
    [InlineData("🙂 paired surrogates, \u202E format characters, é", null)]
    [InlineData("a\0b", "Must not contain the NUL character (U+0000) at character 2.")]
    [InlineData("🙂\u001b[31m", "Must not contain the control character U+001B at character 2; of the control characters only tab and line breaks are allowed.")]
    [InlineData("x\u0085", "Must not contain the control character U+0085 at character 2; of the control characters only tab and line breaks are allowed.")]
    public void Problem_names_the_first_character_no_database_should_store(string text, string? expected) =>
        Assert.Equal(expected, TextRules.Problem(text));

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("🙂🙂", 2)]
    [InlineData("a👩‍👩‍👧", 6)]
    public void Length_counts_unicode_scalar_values(string text, int expected) => Assert.Equal(expected, TextRules.Length(text));

    // Lone surrogates are built in code: theory data passes through UTF-8, which replaces them.
    [Fact]
    public void An_unpaired_surrogate_is_named_with_its_position_and_counts_as_one_character()
    {
        var high = new string((char)0xD83D, 1);
        var low = new string((char)0xDC00, 1);

        Assert.Equal("Must not contain an unpaired surrogate (U+DC00) at character 3: the text is not valid Unicode.", TextRules.Problem("ab" + low));
        Assert.Equal("Must not contain an unpaired surrogate (U+D83D) at character 2: the text is not valid Unicode.", TextRules.Problem("🙂" + high + "x"));
        Assert.Equal(1, TextRules.Length(high));
        Assert.Equal(3, TextRules.Length(low + "🙂" + high));
    }

    [Fact]
    public void A_limit_counts_characters_not_utf16_units()
    {
        Assert.False(new Violations().RequiredText("title", string.Concat(Enumerable.Repeat("🙂", 10)), 10).Any);
        Assert.Equal(1, new Violations().RequiredText("title", string.Concat(Enumerable.Repeat("🙂", 11)), 10).Count);
    }
}
