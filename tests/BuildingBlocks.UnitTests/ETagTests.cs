using Lodestar.Errors;
using Lodestar.Persistence;

namespace BuildingBlocks.UnitTests;

public sealed class ETagTests
{
    [Theory]
    [InlineData("\"7\"", 7)]
    [InlineData("7", 7)]
    [InlineData("W/\"12\"", 12)]
    [InlineData(" \"3\" ", 3)]
    public void Etags_parse_in_the_forms_clients_send(string etag, long version) => Assert.Equal(version, ETag.Parse(etag));

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void A_malformed_etag_is_a_validation_error_on_its_field(string etag)
    {
        var error = Assert.Throws<ValidationException>(() => ETag.Parse(etag, "item.etag"));
        Assert.Equal("item.etag", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Format_and_parse_round_trip() => Assert.Equal(41, ETag.Parse(ETag.Format(41)));
}
