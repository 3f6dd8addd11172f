using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Lodestar.Common.V1;
using Lodestar.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Lodestar.Api;

/// <summary>AIP-158 pagination: page sizes and opaque page tokens bound to the request that issued them.</summary>
public static class Pagination
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    /// <summary>0 → default; above the maximum → the maximum; negative → INVALID_ARGUMENT.</summary>
    public static int PageSize(int requested, string field = "page_size") => requested switch
    {
        < 0 => throw new ValidationException(field, "page_size must not be negative."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    /// <summary>A fingerprint of the parameters a token is bound to (filter, order_by, parent…).</summary>
    public static string Fingerprint(params string?[] parameters) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parameters.Select(p => p ?? ""))))[..16]);

    public static string Encode(PageCursor cursor) => WebEncoders.Base64UrlEncode(cursor.ToByteArray());

    /// <summary>Null for an empty token (first page); INVALID_ARGUMENT for a token that does not decode or was issued for other parameters.</summary>
    public static PageCursor? Decode(string? token, string fingerprint, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token)) return null;
        PageCursor cursor;
        try
        {
            cursor = PageCursor.Parser.ParseFrom(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException)
        {
            throw new ValidationException(field, "The page token is not one this service issued.");
        }
        return cursor.RequestFingerprint == fingerprint
            ? cursor
            : throw new ValidationException(field, "The page token was issued for a request with other parameters.");
    }

    /// <summary>The offset an offset-based token carries (0 for the first page).</summary>
    public static int Offset(PageCursor? cursor, string field = "page_token") =>
        cursor is null ? 0
        : int.TryParse(cursor.LastSortKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new ValidationException(field, "The page token is not one this service issued.");

    /// <summary>A token for the page starting at <paramref name="offset"/>, for lists without a unique sort key.</summary>
    public static string OffsetToken(string fingerprint, int offset) =>
        Encode(new PageCursor { RequestFingerprint = fingerprint, LastSortKey = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>
    /// One page of an offset-paged list: validates the size and token, fetches one row more than the page to learn
    /// whether another page follows, and returns the rows with the next token ("" on the last page).
    /// </summary>
    /// <param name="pageSize">The request's page_size.</param>
    /// <param name="pageToken">The request's page_token.</param>
    /// <param name="fingerprint">What the token is bound to (<see cref="Fingerprint"/>).</param>
    /// <param name="fetch">Reads rows (skip, take) in a stable order.</param>
    public static async Task<(List<T> Items, string NextPageToken)> OffsetPageAsync<T>(
        int pageSize, string? pageToken, string fingerprint, Func<int, int, Task<List<T>>> fetch)
    {
        var size = PageSize(pageSize);
        var offset = Offset(Decode(pageToken, fingerprint));
        var rows = await fetch(offset, size + 1);
        return rows.Count > size ? (rows.GetRange(0, size), OffsetToken(fingerprint, offset + size)) : (rows, "");
    }
}
