namespace Wuyi.Server.Apis.Contracts;

/// <summary>Filters of <c>GET /api/instances</c>; all optional, combined with "and".</summary>
/// <param name="BusinessKey">Exactly this business key.</param>
/// <param name="Region">Region codes starting with this prefix (e.g. a county's code).</param>
/// <param name="State"><c>running</c>, <c>waiting</c>, <c>completed</c>, <c>terminated</c>, <c>failed</c>, or <c>suspended</c>.</param>
/// <param name="ProcessKey">Exactly this process.</param>
/// <param name="ParentId">The children of this instance.</param>
/// <param name="Page">The page, from 1 (default 1).</param>
/// <param name="PageSize">Items per page (default 50, at most 500).</param>
public sealed record InstanceQuery(string? BusinessKey, string? Region, string? State, string? ProcessKey, string? ParentId, int? Page, int? PageSize);
