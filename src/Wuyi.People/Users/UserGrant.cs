namespace Wuyi.People.Users;

/// <summary>One (role, region) pair of a user: the role inside the region is their jurisdiction.</summary>
public sealed class UserGrant
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The user's id.</summary>
    public required string UserId { get; init; }

    /// <summary>One of <see cref="Access.Roles.All"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The region code (2 to 15 digits).</summary>
    public required string RegionCode { get; init; }
}
