namespace Wuyi.Engine.Scripting;

/// <summary>A variable a script set: its name and its value as JSON text.</summary>
public sealed record ScriptVariable(string Name, string Json);
