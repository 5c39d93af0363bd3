using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>
/// A script task's (or expression service task's) script and where its result goes: an expression-language
/// <see cref="Body"/>, or the source of a script the model's <see cref="Scripting.IScriptEngine"/> runs.
/// </summary>
internal sealed record ScriptSpec(Expression? Body, string? ResultVariable)
{
    /// <summary>A script in a format the script engine runs (JavaScript); null for an expression-language script.</summary>
    public string? Source { get; init; }
}
