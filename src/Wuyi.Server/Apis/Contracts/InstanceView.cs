using System.Text.Json;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>A process instance: where it stands (as <c>wuyi simulate</c> reports it) and its bookkeeping.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="ProcessKey">The process it runs.</param>
/// <param name="Version">The definition version it runs (it stays on it).</param>
/// <param name="BusinessKey">The business key, e.g. an area code.</param>
/// <param name="RegionCode">The region code it concerns (filtered by <c>region</c>).</param>
/// <param name="State"><c>running</c>, <c>waiting</c>, <c>completed</c>, <c>terminated</c> or <c>failed</c>.</param>
/// <param name="Active">The element ids that hold a token, sorted.</param>
/// <param name="Variables">The process variables.</param>
/// <param name="ParentId">The calling instance, for a call activity's child.</param>
/// <param name="Suspended">True while an administrator holds it: stimuli are kept and applied on resume.</param>
/// <param name="Cancelled">True when it was cancelled (by an administrator, or with its parent).</param>
/// <param name="Revision">Incremented by every change.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="EndedAt">When it completed or was terminated.</param>
/// <param name="Incidents">Its open incidents and those of the instances it called.</param>
public sealed record InstanceView(string Id, string ProcessKey, int Version, string? BusinessKey, string? RegionCode, string State,
    IReadOnlyList<string> Active, JsonElement Variables, string? ParentId, bool Suspended, bool Cancelled, int Revision,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt, IReadOnlyList<IncidentView> Incidents);
