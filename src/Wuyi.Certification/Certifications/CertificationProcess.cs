namespace Wuyi.Certification.Certifications;

/// <summary>The names the certification model fixes.</summary>
public static class CertificationProcess
{
    /// <summary>The process key of <c>workflows/certification.bpmn</c>.</summary>
    public const string Key = "certification";

    /// <summary>The statuses while certified, shown on the public registry.</summary>
    public static readonly IReadOnlyList<string> Listed = ["certified", "suspended"];

    /// <summary>Every value the model gives its <c>status</c> variable (workflows/README.md), in the order of the process.</summary>
    public static readonly IReadOnlyList<string> Statuses =
    [
        "applying", "observing", "township-review", "county-assessment", "provincial-filing", "revising", "publishing",
        "certified", "suspended", "ineligible", "rejected", "withdrawn", "disqualified", "delisted", "cancelled",
    ];
}
