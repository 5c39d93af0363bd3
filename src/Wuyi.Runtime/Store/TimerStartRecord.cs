namespace Wuyi.Runtime.Store;

/// <summary>
/// The next firing of a timer start event of the newest version of a process. Kept in the database like every
/// other timer, so a restart loses nothing and a cycle keeps its schedule; a new version replaces the rows.
/// </summary>
public sealed class TimerStartRecord
{
    /// <summary><c>{definitionId}:{startEventId}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The version it starts.</summary>
    public long DefinitionId { get; init; }

    /// <summary>The process key.</summary>
    public required string ProcessKey { get; init; }

    /// <summary>The timer start event.</summary>
    public required string StartEventId { get; init; }

    /// <summary>When it next fires.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The cycle for a repeating start, else null.</summary>
    public string? Cycle { get; init; }

    /// <summary>Firings left after the next (-1: without end).</summary>
    public int Remaining { get; set; }

    /// <summary>Until when the claiming node holds it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The node that claimed it.</summary>
    public string? ClaimedBy { get; set; }
}
