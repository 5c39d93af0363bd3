using System.Collections.Immutable;

namespace Wuyi.Engine.Commands;

/// <summary>Create a user task in the inbox; completing it is <see cref="Stimuli.CompleteTask"/> with <paramref name="WaitId"/>.</summary>
/// <param name="WaitId">The task's wait id.</param>
/// <param name="ElementId">The user task's element id.</param>
/// <param name="Name">The task's name from the model.</param>
/// <param name="Assignee">The resolved <c>camunda:assignee</c>.</param>
/// <param name="CandidateUsers">The resolved <c>camunda:candidateUsers</c>.</param>
/// <param name="CandidateGroups">The resolved <c>camunda:candidateGroups</c>.</param>
/// <param name="DueDate">The resolved <c>camunda:dueDate</c> (ISO 8601).</param>
/// <param name="FollowUpDate">The resolved <c>camunda:followUpDate</c> (ISO 8601).</param>
/// <param name="Priority">The resolved <c>camunda:priority</c>.</param>
/// <param name="FormKey">The resolved <c>camunda:formKey</c>.</param>
public sealed record CreateUserTask(string WaitId, string ElementId, string? Name, string? Assignee,
    ImmutableArray<string> CandidateUsers, ImmutableArray<string> CandidateGroups, string? DueDate, string? FollowUpDate,
    long? Priority, string? FormKey) : EngineCommand;
