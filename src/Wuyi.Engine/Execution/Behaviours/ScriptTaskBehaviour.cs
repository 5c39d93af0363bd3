using System.Text.Json;
using Wuyi.Engine.Model;
using Wuyi.Engine.Scripting;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// A script task runs its script inside the step and stores the result in <c>camunda:resultVariable</c>, if named:
/// an expression-language script is evaluated in place; a JavaScript one is run by the model's
/// <see cref="IScriptEngine"/>, which sees variables as JSON values (<c>execution.getVariable</c>) and sets them the
/// same way (<c>execution.setVariable</c>, applied only when the script ran to its end). A failure is an incident.
/// </summary>
internal sealed class ScriptTaskBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node) => Execute(run, token, node);

    public static void Execute(InstanceExecution run, TokenState token, FlowNode node)
    {
        var script = node.Script;
        if (script?.Source is { } source)
        {
            if (!RunScript(run, token, node, script, source)) return;
        }
        else if (script?.Body is { } body)
        {
            var result = run.Evaluate(body, token.Id);
            if (!result.Success)
            {
                run.Incident(token, $"the script failed: {result.Error}", IncidentRetry.Enter);
                return;
            }
            if (script.ResultVariable is { Length: > 0 } name) run.SetVariable(token.Id, name, result.Value);
        }
        run.CompleteActivity(run.Token(token.Id));
    }

    private static bool RunScript(InstanceExecution run, TokenState token, FlowNode node, ScriptSpec script, string source)
    {
        if (run.Definitions.Options.Scripts is not { } engine)
        {
            run.Incident(token, "no script engine runs this script", IncidentRetry.Enter);
            return false;
        }
        var outcome = engine.Run(new ScriptRequest(node.Id, source, run.Now, name => Read(run, token.Id, name)));
        var values = new List<(string Name, object? Value)>();
        var error = outcome.Error;
        try
        {
            if (error is null)
                foreach (var write in outcome.Writes) values.Add((write.Name, Parse(write.Json)));
            if (error is null && script.ResultVariable is { Length: > 0 } result) values.Add((result, outcome.ResultJson is { } json ? Parse(json) : null));
        }
        catch (JsonException ex)
        {
            error = $"the script gave a value that is not JSON: {ex.Message}";
        }
        if (error is not null)
        {
            run.Incident(token, $"the script of '{node.Id}' was stopped: {error}", IncidentRetry.Enter);
            return false;
        }
        foreach (var (name, value) in values) run.SetVariable(token.Id, name, value);
        return true;
    }

    private static string? Read(InstanceExecution run, int tokenId, string name)
    {
        var token = run.Token(tokenId);
        if (!run.TryLookup(tokenId, token.ScopeId, name, out var value)) return null;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) JsonValues.Write(writer, value);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        return JsonValues.FromElement(document.RootElement);
    }
}
