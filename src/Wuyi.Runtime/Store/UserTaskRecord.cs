namespace Wuyi.Runtime.Store;

/// <summary>A user task in the inbox: who may do it, who claimed and completed it, and with what outcome.</summary>
public sealed class UserTaskRecord
{
    /// <summary>The task id: the engine's wait id.</summary>
    public required string Id { get; init; }

    /// <summary>The instance it belongs to.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The user task's element id, e.g. <c>TownshipReview</c>.</summary>
    public required string ElementId { get; init; }

    /// <summary>The task's name from the model.</summary>
    public string? Name { get; init; }

    /// <summary>The business key of its instance (denormalised for the inbox).</summary>
    public string? BusinessKey { get; init; }

    /// <summary>The region code of its instance (denormalised for jurisdiction filters).</summary>
    public string? RegionCode { get; init; }

    /// <summary>The assignee from the model (or who claimed it).</summary>
    public string? Assignee { get; set; }

    /// <summary>Candidate users, comma-separated.</summary>
    public string? CandidateUsers { get; init; }

    /// <summary>Candidate groups, comma-separated, e.g. <c>township-reviewer:460105001</c>.</summary>
    public string? CandidateGroups { get; init; }

    /// <summary>When it is due.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When to follow up.</summary>
    public DateTimeOffset? FollowUpAt { get; init; }

    /// <summary>The priority (Camunda's default is 50).</summary>
    public long Priority { get; init; }

    /// <summary>The form to show.</summary>
    public string? FormKey { get; init; }

    /// <summary>open, completed or cancelled.</summary>
    public required string Status { get; set; }

    /// <summary>Who claimed it, and when.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When it was claimed.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; set; }

    /// <summary>When it was completed or cancelled.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The variables it was completed with (JSON).</summary>
    public string? Outcome { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Moved by every claim, unclaim and completion: an action applies only over the revision it read, so a claim and a
    /// completion at the same moment are ordered and exactly one of them wins.
    /// </summary>
    public int Revision { get; set; }
}
