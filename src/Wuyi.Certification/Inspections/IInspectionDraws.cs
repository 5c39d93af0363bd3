namespace Wuyi.Certification.Inspections;

/// <summary>The chance in inspections, injected so that it is reproducible: the engine has no randomness, and tests
/// replace this to know exactly which check is covert and when the first comes.</summary>
public interface IInspectionDraws
{
    /// <summary>The day (1 to <paramref name="withinDays"/>) after certification of the first scheduled check of
    /// certification <paramref name="certificationId"/>.</summary>
    int FirstCheckDay(string certificationId, int withinDays);

    /// <summary>Whether the scheduled check <paramref name="checkKey"/> is covert, given the policy's covert share.</summary>
    bool IsCovert(string checkKey, double covertShare);
}
