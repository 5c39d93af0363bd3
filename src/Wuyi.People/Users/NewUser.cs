using Wuyi.People.Access;

namespace Wuyi.People.Users;

/// <summary>A user to create.</summary>
/// <param name="UserName">The sign-in name.</param>
/// <param name="Grants">Their (role, region) pairs.</param>
/// <param name="Password">Their password; null: a one-time password is made, to be changed at first sign-in.</param>
/// <param name="DisplayName">How they are addressed (default: the user name).</param>
/// <param name="Email">Their mail address, if any.</param>
public sealed record NewUser(string UserName, IReadOnlyList<Grant> Grants, string? Password = null, string? DisplayName = null,
    string? Email = null);
