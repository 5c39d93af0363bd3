namespace Wuyi.Server.Apis.Contracts;

/// <summary>The manual clock.</summary>
/// <param name="Now">Business time now.</param>
/// <param name="Fired">For an advance: how many timers fired on the way.</param>
public sealed record ClockView(DateTimeOffset Now, int? Fired = null);
