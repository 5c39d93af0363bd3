namespace Wuyi.Engine.Stimuli;

/// <summary>Something that happened to an instance from outside; <see cref="Execution.ProcessEngine.Step"/> applies it.</summary>
public abstract record Stimulus;
