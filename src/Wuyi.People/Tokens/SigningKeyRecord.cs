namespace Wuyi.People.Tokens;

/// <summary>The key that signs session tokens: made on first start and kept in the database, so every node of a
/// cluster accepts every other node's tokens and no secret lives in the repository.</summary>
public sealed class SigningKeyRecord
{
    /// <summary>Always 1: there is one key.</summary>
    public int Id { get; init; }

    /// <summary>The key, base64 (32 random bytes).</summary>
    public required string Key { get; init; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
