namespace Wuyi.Certification.Signals;

/// <summary>The signal types and obstruction kinds of <c>POST /api/signals</c> and the BPMN messages they become.</summary>
public static class SignalTypes
{
    /// <summary>A confirmed case.</summary>
    public const string ConfirmedCase = "confirmed-case";

    /// <summary>An asymptomatic infection.</summary>
    public const string AsymptomaticCase = "asymptomatic-case";

    /// <summary>A close contact.</summary>
    public const string CloseContact = "close-contact";

    /// <summary>A close contact ruled out (its reference names the contact).</summary>
    public const string CloseContactCleared = "close-contact-cleared";

    /// <summary>An obstruction of one of five kinds.</summary>
    public const string Obstruction = "obstruction";

    /// <summary>An inspection's result, passed or failed.</summary>
    public const string InspectionResult = "inspection-result";

    /// <summary>A county declared at dynamic zero.</summary>
    public const string DynamicZeroDeclared = "dynamic-zero-declared";

    /// <summary>A county no longer at dynamic zero.</summary>
    public const string DynamicZeroLost = "dynamic-zero-lost";

    /// <summary>An area's risk zone changed (with <c>zoneLevel</c>): switches the stay-inside benefit.</summary>
    public const string RiskZoneChanged = "risk-zone-changed";

    /// <summary>Every type.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ConfirmedCase, AsymptomaticCase, CloseContact, CloseContactCleared, Obstruction, InspectionResult, DynamicZeroDeclared, DynamicZeroLost,
        RiskZoneChanged,
    ];

    /// <summary>The five obstruction kinds.</summary>
    public static readonly IReadOnlyList<string> ObstructionKinds =
        ["obstructing-workers", "refusing-testing", "evading-isolation", "hiding-contact-history", "spreading-rumours"];

    /// <summary>The BPMN message a signal becomes, or null when it becomes none.</summary>
    public static string? MessageOf(string type, bool? passed) => type switch
    {
        ConfirmedCase or AsymptomaticCase => "InfectionReported",
        Obstruction => "ObstructionReported",
        CloseContact => "CloseContactReported",
        CloseContactCleared => "CloseContactCleared",
        InspectionResult when passed == false => "InspectionFailed",
        RiskZoneChanged => "RiskZoneChanged",
        _ => null,
    };
}
