namespace Wuyi.Server.Apis.Contracts;

/// <summary>A user name and password.</summary>
/// <param name="UserName">The sign-in name.</param>
/// <param name="Password">The password.</param>
public sealed record SignInBody(string? UserName, string? Password);

/// <summary>A bearer token.</summary>
/// <param name="AccessToken">Send as <c>Authorization: Bearer …</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
public sealed record TokenView(string AccessToken, int ExpiresIn);

/// <summary>A new password.</summary>
/// <param name="CurrentPassword">The password now (the one-time password at first sign-in).</param>
/// <param name="NewPassword">The new one.</param>
public sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

/// <summary>Who is signed in.</summary>
/// <param name="UserName">The sign-in name.</param>
/// <param name="DisplayName">How they are addressed.</param>
/// <param name="Email">Their mail address.</param>
/// <param name="Roles">Their (role, region) pairs.</param>
/// <param name="MustChangePassword">They signed in with a one-time password and must choose their own.</param>
public sealed record UserView(string UserName, string DisplayName, string? Email, IReadOnlyList<RoleView> Roles, bool MustChangePassword);

/// <summary>A role held in a region.</summary>
/// <param name="Role">The role.</param>
/// <param name="Region">The region code.</param>
/// <param name="RegionName">The region's name, when known.</param>
public sealed record RoleView(string Role, string Region, string? RegionName);
