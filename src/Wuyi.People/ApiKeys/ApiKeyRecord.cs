namespace Wuyi.People.ApiKeys;

/// <summary>An API key for a machine client: only its SHA-256 is kept, never the key.</summary>
public sealed class ApiKeyRecord
{
    /// <summary>The key's public id (the part between <c>wuyi_</c> and the secret), used to find it.</summary>
    public required string Id { get; init; }

    /// <summary>Who it was issued to (e.g. <c>hainan-cdc</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What it may do: e.g. <c>health-operator</c> (send signals).</summary>
    public required string Scope { get; init; }

    /// <summary>Where: the region it may act in.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The SHA-256 of the secret, hex. The secret is 32 random bytes, so a fast hash is enough.</summary>
    public required string SecretHash { get; init; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
