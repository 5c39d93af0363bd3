using System.Collections.Immutable;

namespace Wuyi.Engine.Scripting;

/// <summary>What a script did: the value of its last statement and the variables it set, as JSON text, or why it failed.</summary>
/// <param name="ResultJson">The script's completion value as JSON (stored in <c>camunda:resultVariable</c>); null when it has none.</param>
/// <param name="Writes">The variables set with <c>execution.setVariable</c>, in the order set.</param>
/// <param name="Error">Why the script was stopped (an exception, a limit exceeded); null when it ran to its end.</param>
public sealed record ScriptOutcome(string? ResultJson, ImmutableArray<ScriptVariable> Writes, string? Error)
{
    /// <summary>A failed run: nothing it set is applied.</summary>
    public static ScriptOutcome Failed(string error) => new(null, [], error);
}
