using Wuyi.People.Access;

namespace Wuyi.People.Users;

/// <summary>The result of checking a user name and password.</summary>
/// <param name="Caller">The signed-in caller, or null.</param>
/// <param name="LockedUntil">Set when the account is locked out: until when.</param>
public sealed record SignInOutcome(Caller? Caller, DateTimeOffset? LockedUntil = null);
