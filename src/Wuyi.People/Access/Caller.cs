namespace Wuyi.People.Access;

/// <summary>
/// Who is calling: a signed-in user with their (role, region) pairs, or a machine with an API key and its one scope.
/// Every authorisation question is answered from this, without a database round trip.
/// </summary>
/// <param name="UserName">The user's name, or the API key's name.</param>
/// <param name="ApiKey">The API key's name when one was used; null for a person.</param>
/// <param name="Grants">The (role, region) pairs, or the API key's (scope, region).</param>
/// <param name="MustChangePassword">A one-time password was used: only changing it is allowed.</param>
public sealed record Caller(string UserName, string? ApiKey, IReadOnlyList<Grant> Grants, bool MustChangePassword = false)
{
    /// <summary>The prefix of the actor name recorded for an API key.</summary>
    public const string ApiKeyPrefix = "api-key:";

    /// <summary>The prefix of the actor name recorded when an administrator acts on someone else's task.</summary>
    public const string AdministratorPrefix = "administrator:";

    /// <summary>The name recorded in the history: the user, or <c>api-key:NAME</c>.</summary>
    public string ActorName => ApiKey is null ? UserName : ApiKeyPrefix + ApiKey;

    /// <summary>Whether the caller holds <paramref name="role"/> (or the key has that scope) covering <paramref name="regionCode"/>.</summary>
    public bool Holds(string role, string regionCode) => Grants.Any(g => g.Role == role && g.Covers(regionCode));

    /// <summary>Whether the caller is an administrator of some region.</summary>
    public bool IsAdministrator => ApiKey is null && Grants.Any(g => g.Role == Roles.Administrator);

    /// <summary>Whether the caller administers <paramref name="regionCode"/> (null: a record with no region, which
    /// any administrator may reach).</summary>
    public bool Administers(string? regionCode) =>
        ApiKey is null && Grants.Any(g => g.Role == Roles.Administrator && (regionCode is null || g.Covers(regionCode)));

    /// <summary>Whether a record of <paramref name="regionCode"/> lies inside the caller's jurisdiction.</summary>
    public bool Sees(string? regionCode) => regionCode is null ? IsAdministrator : Grants.Any(g => g.Covers(regionCode));

    /// <summary>The regions the caller sees, without those nested in another (for list filters).</summary>
    public IReadOnlyList<string> Regions => [.. Grants.Select(g => g.Region).Distinct()
        .Where(r => !Grants.Any(o => o.Region.Length < r.Length && r.StartsWith(o.Region, StringComparison.Ordinal)))];
}
