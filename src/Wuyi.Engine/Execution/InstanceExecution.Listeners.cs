using System.Collections.Immutable;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    /// <summary>
    /// Runs the expression listeners of <paramref name="when"/>, in document order, inside the step. Returns false
    /// when one failed: its token then holds an incident whose retry repeats what was being done.
    /// </summary>
    public bool RunListeners(TokenState token, ImmutableArray<ListenerSpec> listeners, ListenerEvent when)
    {
        if (listeners.IsDefaultOrEmpty) return true;
        foreach (var listener in listeners)
        {
            if (listener.Event != when) continue;
            var result = Evaluate(listener.Expression, token.Id);
            if (!result.Success)
            {
                var retry = when switch
                {
                    ListenerEvent.Start => IncidentRetry.Enter,
                    ListenerEvent.End => IncidentRetry.Complete,
                    _ => IncidentRetry.Leave,
                };
                Incident(token, $"the {when.ToString().ToLowerInvariant()} listener '{listener.Expression.Text}' failed: {result.Error}", retry);
                return false;
            }
            if (listener.SetsVariable is { } name) SetVariable(token.Id, name, result.Value);
        }
        return true;
    }
}
