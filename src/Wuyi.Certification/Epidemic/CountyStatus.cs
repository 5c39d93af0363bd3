namespace Wuyi.Certification.Epidemic;

/// <summary>A county's dynamic-zero status (社会面动态清零), declared and lost by signal. No row: no outbreak recorded.</summary>
public sealed class CountyStatus
{
    /// <summary>The 6-digit county code.</summary>
    public required string CountyCode { get; init; }

    /// <summary>True after <c>dynamic-zero-declared</c>, false after <c>dynamic-zero-lost</c>.</summary>
    public bool DynamicZero { get; set; }

    /// <summary>When it last changed (the signal's time).</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
