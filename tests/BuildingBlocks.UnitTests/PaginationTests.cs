using Lodestar.Api;
using Lodestar.Common.V1;
using Lodestar.Errors;

namespace BuildingBlocks.UnitTests;

public sealed class PaginationTests
{
    [Theory]
    [InlineData(0, Pagination.DefaultPageSize)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(5000, Pagination.MaxPageSize)]
    public void Page_sizes_follow_aip_158(int requested, int used) => Assert.Equal(used, Pagination.PageSize(requested));

    [Fact]
    public void A_negative_page_size_is_invalid() =>
        Assert.Equal("page_size", Assert.Single(Assert.Throws<ValidationException>(() => Pagination.PageSize(-1)).Violations).Field);

    [Fact]
    public void A_token_round_trips_for_the_same_request_only()
    {
        var fingerprint = Pagination.Fingerprint("status=done", "rank");
        var token = Pagination.Encode(new PageCursor { RequestFingerprint = fingerprint, LastId = "x", LastSortKey = "9" });
        Assert.Equal("x", Pagination.Decode(token, fingerprint)!.LastId);
        Assert.Throws<ValidationException>(() => Pagination.Decode(token, Pagination.Fingerprint("status=idea", "rank")));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("AAAA")]
    [InlineData("bm90IGEgcHJvdG9idWY")]
    public void A_forged_token_is_invalid(string token) =>
        Assert.Throws<ValidationException>(() => Pagination.Decode(token, Pagination.Fingerprint("a")));

    [Fact]
    public void No_token_is_the_first_page() => Assert.Null(Pagination.Decode("", "f"));
}
