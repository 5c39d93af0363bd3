using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>Camunda 7 user-task attributes, each an expression resolved when the task is created.</summary>
internal sealed record UserTaskSpec(
    Expression? Assignee,
    Expression? CandidateUsers,
    Expression? CandidateGroups,
    Expression? DueDate,
    Expression? FollowUpDate,
    Expression? Priority,
    Expression? FormKey);
