namespace Wuyi.Certification.Certifications;

/// <summary>What became of an application: the instance started, or why it was refused.</summary>
/// <param name="InstanceId">The certification instance, when started.</param>
/// <param name="Refusal">Why it was refused, when it was.</param>
public sealed record ApplicationOutcome(string? InstanceId, Refusal? Refusal)
{
    /// <summary>For a refusal against the application form: its field paths → what is wrong with each.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
