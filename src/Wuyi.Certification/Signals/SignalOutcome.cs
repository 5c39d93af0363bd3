namespace Wuyi.Certification.Signals;

/// <summary>What became of one signal of a batch.</summary>
/// <param name="Id">The signal's id.</param>
/// <param name="Status">The HTTP-style status of this signal: 202 accepted, or a 4xx.</param>
/// <param name="Error">For a 4xx: what is wrong, so the sender can fix it.</param>
/// <param name="Areas">The areas it concerned.</param>
/// <param name="Instances">The certification instances it reached.</param>
/// <param name="Message">The BPMN message it became, if any.</param>
public sealed record SignalOutcome(string Id, int Status, string? Error, IReadOnlyList<string> Areas, IReadOnlyList<string> Instances, string? Message)
{
    /// <summary>A refused signal: nothing changed.</summary>
    public static SignalOutcome Refused(string? id, int status, string error) => new(id ?? "", status, error, [], [], null);
}
