using System.Collections.Immutable;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Expressions;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// A user task resolves its Camunda attributes (assignee, candidates, dates, priority, form key) and asks the
/// runtime to create the task; the path waits until the task is completed.
/// </summary>
internal sealed class UserTaskBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        var spec = node.UserTask ?? new UserTaskSpec(null, null, null, null, null, null, null);
        var errors = new List<string>();
        string? Text(Expression? e)
        {
            var value = run.EvaluateText(e, token.Id, out var error);
            if (error is not null) errors.Add(error);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
        var assignee = Text(spec.Assignee);
        var candidateUsers = List(Text(spec.CandidateUsers));
        var candidateGroups = List(Text(spec.CandidateGroups));
        var dueDate = Text(spec.DueDate);
        var followUp = Text(spec.FollowUpDate);
        var priorityText = Text(spec.Priority);
        var formKey = Text(spec.FormKey);
        long? priority = null;
        if (priorityText is not null)
        {
            if (long.TryParse(priorityText, out var p)) priority = p;
            else errors.Add($"priority '{priorityText}' is not a whole number");
        }
        if (errors.Count > 0)
        {
            run.Incident(token, $"the user task cannot be created: {string.Join("; ", errors)}", IncidentRetry.Enter);
            return;
        }
        run.Update(token with { Phase = TokenPhase.Waiting });
        var wait = run.AddWait(WaitKind.UserTask, WaitRole.Activity, node.Id, token.Id, null);
        run.Command(new CreateUserTask(run.WaitId(wait.Number), node.Id, node.Name, assignee, candidateUsers, candidateGroups,
            dueDate, followUp, priority, formKey));
        run.Emit(run.NewEvent("task-created", node) with
        {
            Assignee = assignee,
            CandidateGroups = candidateGroups.IsEmpty ? null : candidateGroups,
            DueDate = dueDate,
            FormKey = formKey,
        });
    }

    // Camunda reads candidate lists as comma-separated text; an expression may also yield a list.
    private static ImmutableArray<string> List(string? text) => text is null
        ? []
        : text.StartsWith('[')
            ? [.. text.Trim('[', ']').Split(',').Select(s => s.Trim().Trim('"')).Where(s => s.Length > 0)]
            : [.. text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
}
