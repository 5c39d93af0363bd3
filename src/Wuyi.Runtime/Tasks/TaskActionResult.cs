using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Tasks;

/// <summary>The outcome of claiming, unclaiming or completing a task.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Task">The task as it is now (null when not found).</param>
/// <param name="Conflict">For <see cref="TaskActionStatus.Conflict"/>: who acted first and when, in words.</param>
/// <param name="By">For a conflict: the user who acted first (claimed or completed), when one did.</param>
/// <param name="At">For a conflict: when they did.</param>
public sealed record TaskActionResult(TaskActionStatus Status, UserTaskRecord? Task, string? Conflict = null, string? By = null,
    DateTimeOffset? At = null)
{
    /// <summary>For <see cref="TaskActionStatus.Invalid"/>: the form's field paths → what is wrong with each.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}

/// <summary>What became of a task action.</summary>
public enum TaskActionStatus
{
    /// <summary>Done (or, for a repeat by the same person, done before: the first outcome).</summary>
    Done,

    /// <summary>No such task.</summary>
    NotFound,

    /// <summary>Someone else claimed or completed it first; <see cref="TaskActionResult.Conflict"/> says who and when.</summary>
    Conflict,

    /// <summary>The instance is suspended; the completion is held and applied on resume.</summary>
    Held,

    /// <summary>The submission does not pass the task's form (<see cref="TaskActionResult.Errors"/>); nothing was written.</summary>
    Invalid,
}
