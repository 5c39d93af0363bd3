namespace Wuyi.Engine.Scripting;

/// <summary>One script to run.</summary>
/// <param name="ElementId">The script task, for messages.</param>
/// <param name="Source">The script's text.</param>
/// <param name="Now">The step's time: what the script's clock reads (the engine never reads one).</param>
/// <param name="ReadVariable">A variable as JSON text as the task sees it, or null when it is not defined.</param>
public sealed record ScriptRequest(string ElementId, string Source, DateTimeOffset Now, Func<string, string?> ReadVariable);
