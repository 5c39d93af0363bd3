using Wuyi.Engine.State;
using Wuyi.Engine.Model;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// An embedded sub-process opens a scope of its own: its event sub-processes start listening and a token
/// starts at its none start event. It completes when the last token inside it ends.
/// </summary>
internal sealed class SubProcessBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        run.Update(token with { Phase = TokenPhase.InScope });
        var scope = run.NewScope(node.Id, ScopeKind.SubProcess, token.ScopeId, token.Id);
        EventSubProcessBehaviour.Subscribe(run, scope);
        var start = run.Process.Scopes[node.Id].NoneStartId!;
        run.Enqueue(run.NewToken(start, scope.Id, TokenPhase.Arriving));
    }
}
