namespace Lodestar.Gateway.Access;

/// <summary>Who is calling: a user (the subject of a verified token) or an integration holding an API key.</summary>
public sealed record Caller(string Subject, ApiKeyGrant? ApiKey)
{
    public bool IsUser => ApiKey is null;

    public static Caller User(string subject) => new(subject, null);

    public static Caller Integration(ApiKeyGrant key) => new($"apikey:{key.KeyId:D}", key);
}
