namespace Wuyi.Server.Apis.Contracts;

/// <summary>Filters of <c>GET /api/tasks/mine</c>; all optional, combined with "and".</summary>
/// <param name="Role">Tasks offered to me through this role.</param>
/// <param name="Region">Tasks of this region or inside it.</param>
/// <param name="Process">Tasks of instances of this process key.</param>
/// <param name="Form">Tasks with this form key.</param>
/// <param name="DueBefore">Tasks due before this time.</param>
/// <param name="Overdue">true: only tasks past their due date.</param>
/// <param name="Page">The page, from 1 (default 1).</param>
/// <param name="PageSize">Items per page (default 50, at most 500).</param>
public sealed record MyTasksQuery(string? Role, string? Region, string? Process, string? Form, DateTimeOffset? DueBefore, bool? Overdue,
    int? Page, int? PageSize);
