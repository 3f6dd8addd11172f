using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Lodestar.Gateway.Access;

/// <summary>
/// API key secrets (<c>lsk_{8 hex}_{43 base64url}</c>) and invitation codes (<c>lsi_{43 base64url}</c>): 256 random
/// bits after a recognisable prefix, stored as a plain SHA-256. With that much entropy a slow password hash adds cost
/// to every call and no protection (ADR 0014).
/// </summary>
public static class ApiKeySecrets
{
    public const string Scheme = "lsk_";
    public const int PrefixLength = 12;

    public static (string Secret, string Prefix, string Hash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"{Scheme}{id}_{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32))}";
        return (secret, secret[..PrefixLength], Hash(secret));
    }

    /// <summary>A one-time invitation code: <c>lsi_{43 base64url}</c> and its hash.</summary>
    public static (string Code, string Hash) InvitationCode()
    {
        var code = "lsi_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (code, Hash(code));
    }

    /// <summary>True for a string shaped like a key; says nothing about whether it is valid.</summary>
    public static bool LooksLikeKey(string value) => value.StartsWith(Scheme, StringComparison.Ordinal) && value.Length is > PrefixLength and < 200;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
