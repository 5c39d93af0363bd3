namespace Wuyi.Certification.Certifications;

/// <summary>What became of an application: the instance started, or why it was refused.</summary>
/// <param name="InstanceId">The certification instance, when started.</param>
/// <param name="Status">201 started; 400, 404, 409 or 422 refused.</param>
/// <param name="Error">Why it was refused.</param>
public sealed record ApplicationOutcome(string? InstanceId, int Status, string? Error)
{
    /// <summary>For a 400 against the application form: its field paths → what is wrong with each.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Refused with <paramref name="status"/>.</summary>
    public static ApplicationOutcome Refused(int status, string error) => new(null, status, error);
}
