using Wuyi.Runtime.Store;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>Something an operator must look at: a path the engine stopped, or a handler out of retries.</summary>
/// <param name="Id">The incident id (retry it by this).</param>
/// <param name="InstanceId">The instance where it arose.</param>
/// <param name="ElementId">The element where it stopped.</param>
/// <param name="Source"><c>engine</c> (a step's incident) or <c>outbox</c> (a handler out of retries).</param>
/// <param name="Message">Why.</param>
/// <param name="CreatedAt">When it arose.</param>
/// <param name="ResolvedAt">When it was retried, or null while open.</param>
/// <param name="ResolvedBy">Who retried it.</param>
public sealed record IncidentView(long Id, string InstanceId, string ElementId, string Source, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    internal static IncidentView Of(IncidentRecord i) =>
        new(i.Id, i.InstanceId, i.ElementId, i.Source, i.Message, i.CreatedAt, i.ResolvedAt, i.ResolvedBy);
}
