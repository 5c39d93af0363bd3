namespace Wuyi.Engine.Stimuli;

/// <summary>A called child instance completed; the call activity's <c>camunda:out</c> mappings read its variables.</summary>
/// <param name="WaitId">The call activity's wait id.</param>
/// <param name="ChildVariables">The child's process variables at its end.</param>
public sealed record ChildCompleted(string WaitId, IReadOnlyDictionary<string, object?>? ChildVariables = null) : Stimulus;
