namespace Wuyi.Certification.Epidemic;

/// <summary>A close contact (密接) in an area, open until a clearance signal names its reference.</summary>
public sealed class CloseContact
{
    /// <summary>The area code.</summary>
    public required string AreaCode { get; init; }

    /// <summary>The health department's reference; a clearance names it.</summary>
    public required string Reference { get; init; }

    /// <summary>When it was reported to have occurred.</summary>
    public DateTimeOffset ReportedAt { get; init; }

    /// <summary>When it was ruled out; null while open.</summary>
    public DateTimeOffset? ClearedAt { get; set; }
}
