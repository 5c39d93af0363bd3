namespace Wuyi.Certification.Signals;

/// <summary>
/// One signal as it was received, every time it was (table <c>signal_receipts</c>): the history health operators read,
/// with what became of it. <see cref="SignalRecord"/> keeps each accepted id once, for idempotency; this keeps each
/// arrival, a replay or a refusal included.
/// </summary>
public sealed class SignalReceipt
{
    /// <summary>The longest area or region code kept (a compound's 15 digits, with room to spare).</summary>
    public const int MaxCodeLength = 32;

    /// <summary>The row's number, in the order received.</summary>
    public long Id { get; init; }

    /// <summary>The sender's signal id (as sent, cut to 200 characters; empty when none was sent).</summary>
    public required string SignalId { get; init; }

    /// <summary>The signal type as sent.</summary>
    public string? Type { get; init; }

    /// <summary>The area or region code it concerns, as sent.</summary>
    public string? Code { get; init; }

    /// <summary>When it was received.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Who sent it.</summary>
    public required string Actor { get; init; }

    /// <summary>One of <see cref="SignalOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>For a refusal: why.</summary>
    public string? Error { get; init; }

    /// <summary>How many areas it concerned.</summary>
    public int Areas { get; init; }

    /// <summary>How many certification instances it reached.</summary>
    public int Instances { get; init; }

    /// <summary>The BPMN message it became, if any.</summary>
    public string? Message { get; init; }
}
