namespace Wuyi.Engine.Commands;

/// <summary>Something the runtime must carry out after a step, in the order given.</summary>
public abstract record EngineCommand;
