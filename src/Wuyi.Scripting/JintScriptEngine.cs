using System.Collections.Immutable;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Wuyi.Engine.Scripting;
using JsEngine = Jint.Engine;

namespace Wuyi.Scripting;

/// <summary>
/// Runs JavaScript script tasks with Jint in a sandbox: strict mode, no CLR access (no interop, no reflection, no
/// <c>GetType</c>), no <c>eval</c> or <c>new Function</c>, no <c>Math.random</c>, a clock that reads the step's time,
/// and per run a time limit, a statement limit, a memory limit, a recursion limit and an array size limit. A script
/// sees variables only as JSON values: <c>execution.getVariable(name)</c> (null when undefined) and
/// <c>execution.setVariable(name, value)</c>, as in Camunda 7; the value of its last statement is its result.
/// Each run gets a fresh engine, so nothing a script does outlives it.
/// </summary>
public sealed class JintScriptEngine(ScriptLimits? limits = null) : IScriptEngine
{
    private const string Prelude = """
        "use strict";
        (function (global, get, set) {
            delete global.__wuyiGet;
            delete global.__wuyiSet;
            delete Math.random;
            Object.defineProperty(global, "execution", { value: Object.freeze({
                getVariable: function (name) { var json = get(String(name)); return json === null ? null : JSON.parse(json); },
                setVariable: function (name, value) { set(String(name), JSON.stringify(value === undefined ? null : value)); },
            }) });
        })(this, __wuyiGet, __wuyiSet);
        """;

    private readonly ScriptLimits limits = limits ?? new ScriptLimits();

    /// <inheritdoc/>
    public IReadOnlyList<string> Formats { get; } = ["javascript"];

    /// <inheritdoc/>
    public bool Runs(string format) =>
        format.Trim().ToLowerInvariant() is "javascript" or "js" or "ecmascript" or "application/javascript" or "text/javascript";

    /// <inheritdoc/>
    public string? Check(string source)
    {
        if (TooBig(source) is { } problem) return problem;
        try
        {
            JsEngine.PrepareScript(source, strict: true);
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            return ex.InnerException?.Message ?? ex.Message;
        }
        catch (Acornima.SyntaxErrorException ex)
        {
            return ex.Message;
        }
    }

    /// <inheritdoc/>
    public ScriptOutcome Run(ScriptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TooBig(request.Source) is { } problem) return ScriptOutcome.Failed(problem);
        var writes = ImmutableArray.CreateBuilder<ScriptVariable>();
        var engine = new JsEngine(options =>
        {
            options.Strict();
            options.DisableStringCompilation();
            options.Interop.Enabled = false;
            options.Interop.AllowGetType = false;
            options.Interop.AllowSystemReflection = false;
            options.TimeoutInterval(limits.Timeout);
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxMemoryBytes);
            options.LimitRecursion(limits.MaxRecursion);
            options.Constraints.MaxArraySize = limits.MaxArraySize;
            options.TimeSystem = new StepClock(request.Now);
            options.TimeZone = TimeZoneInfo.Utc;
        });
        try
        {
            engine.SetValue("__wuyiGet", new Func<string, string?>(request.ReadVariable));
            engine.SetValue("__wuyiSet", new Action<string, string>((name, json) => writes.Add(new ScriptVariable(name, json))));
            engine.Execute(Prelude);
            var result = engine.Evaluate(request.Source);
            return new ScriptOutcome(Json(engine, result), writes.ToImmutable(), null);
        }
        catch (JavaScriptException ex)
        {
            return ScriptOutcome.Failed($"the script threw {ex.Message}");
        }
        catch (TimeoutException)
        {
            return ScriptOutcome.Failed($"the script ran longer than {limits.Timeout.TotalSeconds} s");
        }
        catch (StatementsCountOverflowException)
        {
            return ScriptOutcome.Failed($"the script ran more than {limits.MaxStatements} statements");
        }
        catch (MemoryLimitExceededException)
        {
            return ScriptOutcome.Failed($"the script allocated more than {limits.MaxMemoryBytes / 1024 / 1024} MB");
        }
        catch (RecursionDepthOverflowException)
        {
            return ScriptOutcome.Failed($"the script nested calls deeper than {limits.MaxRecursion}");
        }
        catch (Acornima.SyntaxErrorException ex)
        {
            return ScriptOutcome.Failed($"the script does not parse: {ex.Message}");
        }
        catch (ScriptPreparationException ex)
        {
            return ScriptOutcome.Failed($"the script does not parse: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (JintException ex)
        {
            // Any other limit or engine failure Jint reports: the script is stopped, the host goes on.
            return ScriptOutcome.Failed($"the script was stopped: {ex.Message}");
        }
    }

    // The completion value as JSON; undefined (a script ending in a declaration, say) is no result.
    private static string? Json(JsEngine engine, JsValue result)
    {
        if (result.IsUndefined()) return null;
        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(result);
        return json.IsUndefined() ? null : json.AsString();
    }

    private string? TooBig(string source)
    {
        if (source.Length > limits.MaxSourceLength) return $"the script is longer than {limits.MaxSourceLength} characters";
        var depth = 0;
        foreach (var c in source)
        {
            if (c is '(' or '[' or '{' && ++depth > limits.MaxNesting) return $"the script nests brackets deeper than {limits.MaxNesting}";
            if (c is ')' or ']' or '}') depth--;
        }
        return null;
    }
}
