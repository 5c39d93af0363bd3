namespace Wuyi.Certification.Certifications;

/// <summary>An open user task of a certification.</summary>
/// <param name="Id">The task id (for <c>/api/tasks</c>).</param>
/// <param name="ElementId">The task in the model, e.g. <c>TownshipReview</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="CandidateGroups">Who may take it.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record OpenTaskView(string Id, string ElementId, string? Name, string? CandidateGroups, DateTimeOffset? DueAt);
