using System.Collections.Immutable;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// Multi-instance: the token entering the activity becomes the body, which opens a scope holding Camunda's
/// <c>nrOfInstances</c>, <c>nrOfActiveInstances</c> and <c>nrOfCompletedInstances</c>; inner instances
/// (tokens at the same activity inside that scope, with local <c>loopCounter</c> and element variable) run
/// all at once (parallel) or one after another (sequential). The body completes when all are done or its
/// <c>completionCondition</c> holds, cancelling inner instances still running.
/// </summary>
internal static class MultiInstanceBehaviour
{
    private const string Instances = "nrOfInstances";
    private const string Active = "nrOfActiveInstances";
    private const string Completed = "nrOfCompletedInstances";

    public static void EnterBody(InstanceExecution run, TokenState token, FlowNode node)
    {
        var items = Items(run, token.Id, token.ScopeId, node, out var count, out var error);
        if (error is not null)
        {
            run.Incident(token, $"multi-instance cannot start: {error}", IncidentRetry.Enter);
            return;
        }
        run.Update(token with { Phase = TokenPhase.InScope });
        var body = run.NewScope(node.Id, ScopeKind.MultiInstance, token.ScopeId, token.Id, VariableMaps.Empty
            .Add(Instances, (long)count).Add(Active, 0L).Add(Completed, 0L));
        if (count == 0)
        {
            CompleteBody(run, body);
            return;
        }
        var spec = node.MultiInstance!;
        for (var i = 0; i < (spec.IsSequential ? 1 : count); i++) StartInner(run, body, node, i, items);
    }

    private static void StartInner(InstanceExecution run, ScopeState body, FlowNode node, int index, ImmutableArray<object?>? items)
    {
        var locals = VariableMaps.Empty.Add("loopCounter", (long)index);
        if (node.MultiInstance!.ElementVariable is { Length: > 0 } name)
            locals = locals.SetItem(name, items is { } list && index < list.Length ? list[index] : null);
        body = run.Scope(body.Id);
        run.UpdateScope(body with { Variables = body.Variables.SetItem(Active, (long)body.Variables[Active]! + 1) });
        run.Enqueue(run.NewToken(node.Id, body.Id, TokenPhase.Arriving, null, locals));
    }

    public static void InnerCompleted(InstanceExecution run, TokenState inner, FlowNode node)
    {
        var body = run.Scope(inner.ScopeId);
        var completed = (long)body.Variables[Completed]! + 1;
        body = run.UpdateScope(body with
        {
            Variables = body.Variables.SetItem(Completed, completed).SetItem(Active, (long)body.Variables[Active]! - 1),
        });
        run.RemoveToken(inner);
        var spec = node.MultiInstance!;
        var total = (long)body.Variables[Instances]!;
        var done = completed >= total;
        if (!done && spec.CompletionCondition is { } condition)
        {
            var result = run.Evaluate(condition, null, body.Id);
            done = result.Success && result.Value is true;
            if (!result.Success)
            {
                run.Incident(run.Token(body.OwnerTokenId!.Value), $"the completion condition failed: {result.Error}", IncidentRetry.Leave);
                return;
            }
        }
        if (done)
        {
            foreach (var other in run.TokensIn(body.Id)) run.CancelToken(other);
            CompleteBody(run, body);
        }
        else if (spec.IsSequential)
        {
            var owner = run.Token(body.OwnerTokenId!.Value);
            var items = Items(run, owner.Id, owner.ScopeId, node, out _, out _);
            StartInner(run, body, node, (int)completed, items);
        }
        else if (!run.AnyTokenIn(body.Id)) CompleteBody(run, body);
    }

    private static void CompleteBody(InstanceExecution run, ScopeState body)
    {
        var owner = run.Token(body.OwnerTokenId!.Value);
        var node = run.Node(owner.ElementId);
        run.RemoveScope(body.Id);
        run.CancelOwnedWaits(owner.Id);
        run.Emit("activity-completed", node);
        run.Leave(run.Update(owner with { Phase = TokenPhase.Arriving }), node);
    }

    // The collection (its size and items) or the loop cardinality; Camunda reads a collection anew for each
    // sequential instance, so the items are evaluated again rather than stored.
    private static ImmutableArray<object?>? Items(InstanceExecution run, int tokenId, int scopeId, FlowNode node, out int count, out string? error)
    {
        var spec = node.MultiInstance!;
        count = 0;
        error = null;
        if (spec.Collection is { } collection)
        {
            var result = run.Evaluate(collection, tokenId, scopeId);
            if (!result.Success) { error = $"'{collection.Text}': {result.Error}"; return null; }
            if (result.Value is not ImmutableArray<object?> list) { error = $"'{collection.Text}' gave {InstanceExecution.Describe(result.Value)}, not a list"; return null; }
            count = list.Length;
            return list;
        }
        var cardinality = run.Evaluate(spec.Cardinality!, tokenId, scopeId);
        if (!cardinality.Success) { error = $"'{spec.Cardinality!.Text}': {cardinality.Error}"; return null; }
        var n = cardinality.Value switch
        {
            long l => l,
            double d when d == Math.Floor(d) => (long)d,
            string s when long.TryParse(s, out var parsed) => parsed,
            _ => -1,
        };
        if (n is < 0 or > 10_000) { error = $"loopCardinality '{spec.Cardinality!.Text}' gave {InstanceExecution.Describe(cardinality.Value)}, not a count from 0 to 10000"; return null; }
        count = (int)n;
        return null;
    }
}
