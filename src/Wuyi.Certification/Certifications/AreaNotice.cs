namespace Wuyi.Certification.Certifications;

/// <summary>A publication of a certification or a notice to an area (an open spot-check), as the service tasks record them.</summary>
public sealed class AreaNotice
{
    /// <summary>The service task's wait id: a repeated call records nothing new.</summary>
    public required string WaitId { get; init; }

    /// <summary><c>publication</c> or <c>spot-check-notice</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The area code.</summary>
    public required string AreaCode { get; init; }

    /// <summary>The instance that asked for it.</summary>
    public required string InstanceId { get; init; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The text, for the record.</summary>
    public required string Text { get; init; }
}
