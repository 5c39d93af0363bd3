namespace Wuyi.Certification.Certifications;

/// <summary>The names the certification model fixes.</summary>
public static class CertificationProcess
{
    /// <summary>The process key of <c>workflows/certification.bpmn</c>.</summary>
    public const string Key = "certification";

    /// <summary>The statuses while certified, shown on the public registry.</summary>
    public static readonly IReadOnlyList<string> Listed = ["certified", "suspended"];

    /// <summary>The elements of the spot-check event sub-processes: never shown with a certification, whose readers include
    /// the area — their timers and starts would tell it when a check comes and that one runs unannounced (covert).</summary>
    public static readonly IReadOnlySet<string> InspectionElements = new HashSet<string>(StringComparer.Ordinal)
    {
        "ScheduledSpotCheck", "SpotCheckDue", "PlanSpotCheck", "ScheduledCheck", "ScheduledCheckPassed", "ScheduledCheckDone",
        "ScheduledCheckFailed", "RequestedSpotCheck", "SpotCheckRequested", "RequestedCheck", "RequestedCheckPassed", "RequestedCheckDone",
        "RequestedCheckFailed",
    };

    /// <summary>Every value the model gives its <c>status</c> variable (workflows/README.md), in the order of the process.</summary>
    public static readonly IReadOnlyList<string> Statuses =
    [
        "applying", "observing", "township-review", "county-assessment", "provincial-filing", "revising", "publishing",
        "certified", "suspended", "ineligible", "rejected", "withdrawn", "disqualified", "delisted", "cancelled",
    ];
}
