namespace Wuyi.Engine.Stimuli;

/// <summary>
/// A called child instance threw an escalation that nothing in it caught; the call activity throws it in turn
/// (its escalation boundary events first, then outwards). The child goes on, and so does the call activity
/// unless an interrupting catch cancels it (and with it the child).
/// </summary>
/// <param name="WaitId">The call activity's wait id.</param>
/// <param name="EscalationCode">The escalation code, or null for an escalation without one.</param>
public sealed record ChildEscalated(string WaitId, string? EscalationCode) : Stimulus;
