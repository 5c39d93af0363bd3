namespace Wuyi.Engine.Commands;

/// <summary>Cancel a called child instance (apply <see cref="Stimuli.Cancel"/> to it).</summary>
/// <param name="ChildInstanceId">The child's instance id.</param>
public sealed record CancelChild(string ChildInstanceId) : EngineCommand;
