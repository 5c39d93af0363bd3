namespace Wuyi.Engine.Scripting;

/// <summary>
/// Runs script tasks written in a language other than the expression language (JavaScript, by
/// <c>Wuyi.Scripting</c>). The engine declares it and stays free of any script runtime: the implementation
/// is handed in with <see cref="Model.ModelOptions"/>. A script sees and changes variables only as JSON
/// values through the request, and must be stopped by the implementation's own limits (time, statements,
/// memory, recursion): its effects are part of the step that ran it.
/// </summary>
public interface IScriptEngine
{
    /// <summary>The formats run, as a model names them in <c>scriptFormat</c>, for messages (<c>javascript</c>).</summary>
    IReadOnlyList<string> Formats { get; }

    /// <summary>Whether <paramref name="format"/> (case-insensitive, as written in the model) is run by this engine.</summary>
    bool Runs(string format);

    /// <summary>Checks a script's syntax when the model is deployed; returns the problem, or null when it parses.</summary>
    string? Check(string source);

    /// <summary>Runs one script; never throws for anything the script does (the outcome carries the failure).</summary>
    ScriptOutcome Run(ScriptRequest request);
}
