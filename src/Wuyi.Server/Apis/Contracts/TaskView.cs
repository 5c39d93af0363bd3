using System.Text.Json;
using Wuyi.Runtime.Store;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>A user task in the inbox.</summary>
/// <param name="Id">The task id, <c>{instanceId}/w{n}</c>: its URL is <c>/api/tasks/{id}</c> as is.</param>
/// <param name="InstanceId">The instance it belongs to.</param>
/// <param name="ElementId">The user task's element id.</param>
/// <param name="Name">The task's name from the model.</param>
/// <param name="BusinessKey">The instance's business key.</param>
/// <param name="RegionCode">The instance's region code.</param>
/// <param name="State"><c>open</c>, <c>completed</c> or <c>cancelled</c>.</param>
/// <param name="Assignee">The assignee from the model, or who claimed it.</param>
/// <param name="CandidateUsers">Candidate users.</param>
/// <param name="CandidateGroups">Candidate groups, e.g. <c>township-reviewer:460105001</c>.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="FollowUpAt">When to follow up.</param>
/// <param name="Priority">The priority (50 by default).</param>
/// <param name="FormKey">The form to show.</param>
/// <param name="ClaimedBy">Who claimed it.</param>
/// <param name="ClaimedAt">When.</param>
/// <param name="CompletedBy">Who completed it.</param>
/// <param name="EndedAt">When it was completed or cancelled.</param>
/// <param name="Outcome">The variables it was completed with.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record TaskView(string Id, string InstanceId, string ElementId, string? Name, string? BusinessKey, string? RegionCode,
    string State, string? Assignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups, DateTimeOffset? DueAt,
    DateTimeOffset? FollowUpAt, long Priority, string? FormKey, string? ClaimedBy, DateTimeOffset? ClaimedAt, string? CompletedBy,
    DateTimeOffset? EndedAt, JsonElement? Outcome, DateTimeOffset CreatedAt)
{
    internal static TaskView Of(UserTaskRecord t) => new(t.Id, t.InstanceId, t.ElementId, t.Name, t.BusinessKey, t.RegionCode, t.Status,
        t.Assignee, Split(t.CandidateUsers), Split(t.CandidateGroups), t.DueAt, t.FollowUpAt, t.Priority, t.FormKey, t.ClaimedBy, t.ClaimedAt,
        t.CompletedBy, t.EndedAt, Apis.RequestVariables.ToElement(t.Outcome), t.CreatedAt);

    private static string[] Split(string? list) => list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
