namespace Wuyi.Server.Apis.Contracts;

/// <summary>Filters of <c>GET /api/tasks</c>; all optional, combined with "and".</summary>
/// <param name="Instance">Tasks of this instance.</param>
/// <param name="Element">Tasks of this user task element.</param>
/// <param name="State"><c>open</c>, <c>completed</c> or <c>cancelled</c>.</param>
/// <param name="CandidateGroup">Tasks offered to this group.</param>
/// <param name="Assignee">Tasks assigned to (or claimed by) this user.</param>
/// <param name="BusinessKey">Tasks of instances with this business key.</param>
/// <param name="Page">The page, from 1 (default 1).</param>
/// <param name="PageSize">Items per page (default 50, at most 500).</param>
public sealed record TaskQuery(string? Instance, string? Element, string? State, string? CandidateGroup, string? Assignee,
    string? BusinessKey, int? Page, int? PageSize);
