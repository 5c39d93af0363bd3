namespace Wuyi.Certification.Signals;

/// <summary>What became of one signal of a batch: accepted, or why it was refused (and nothing changed).</summary>
/// <param name="Id">The signal's id.</param>
/// <param name="Refusal">Why it was refused; null when accepted.</param>
/// <param name="Areas">The areas it concerned.</param>
/// <param name="Instances">The certification instances it reached.</param>
/// <param name="Message">The BPMN message it became, if any.</param>
public sealed record SignalOutcome(string Id, Refusal? Refusal, IReadOnlyList<string> Areas, IReadOnlyList<string> Instances, string? Message)
{
    /// <summary>Whether it was accepted.</summary>
    public bool Accepted => Refusal is null;

    /// <summary>A refused signal: nothing changed.</summary>
    public static SignalOutcome Refused(string? id, RefusalKind kind, string error) => new(id ?? "", new Refusal(kind, error), [], [], null);
}
