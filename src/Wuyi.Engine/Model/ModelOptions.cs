using Wuyi.Engine.Scripting;

namespace Wuyi.Engine.Model;

/// <summary>What a model is parsed and run with, beyond its XML: limits, and the script engine that runs script tasks.</summary>
public sealed record ModelOptions
{
    /// <summary>The engine's defaults: default limits and no script engine (script tasks in JavaScript are refused).</summary>
    public static ModelOptions Default { get; } = new();

    /// <summary>The limits a model must keep.</summary>
    public ModelLimits Limits { get; init; } = ModelLimits.Default;

    /// <summary>Runs script tasks in the formats it names; without one, only expression-language scripts are accepted.</summary>
    public IScriptEngine? Scripts { get; init; }

    /// <summary>
    /// Returns the text of a script task's <c>camunda:resource</c>, or null when there is none; without a resolver a
    /// script resource is refused (the runtime stores one XML per model, so a script must be inline).
    /// </summary>
    public Func<string, string?>? ResolveScriptResource { get; init; }
}
