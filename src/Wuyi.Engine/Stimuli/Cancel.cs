namespace Wuyi.Engine.Stimuli;

/// <summary>The instance is cancelled: every path ends, every wait is cancelled, called children are cancelled.</summary>
/// <param name="Reason">Why, or null.</param>
public sealed record Cancel(string? Reason = null) : Stimulus;
