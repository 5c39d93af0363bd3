namespace Wuyi.Certification.Certifications;

/// <summary>The names the certification model fixes.</summary>
public static class CertificationProcess
{
    /// <summary>The process key of <c>workflows/certification.bpmn</c>.</summary>
    public const string Key = "certification";

    /// <summary>The statuses while certified, shown on the public registry.</summary>
    public static readonly IReadOnlyList<string> Listed = ["certified", "suspended"];
}
