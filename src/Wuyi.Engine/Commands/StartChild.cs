using System.Collections.Immutable;

namespace Wuyi.Engine.Commands;

/// <summary>
/// Start a child instance of <paramref name="CalledElement"/> for a call activity, with
/// <see cref="Execution.StartRequest.Parent"/> set to this instance and <paramref name="WaitId"/>.
/// </summary>
/// <param name="WaitId">The call activity's wait id.</param>
/// <param name="ElementId">The call activity's element id.</param>
/// <param name="CalledElement">The id of the process to start.</param>
/// <param name="ChildInstanceId">The child's instance id, chosen deterministically by the engine.</param>
/// <param name="BusinessKey">The child's business key, or null.</param>
/// <param name="Variables">The child's start variables (from <c>camunda:in</c>).</param>
public sealed record StartChild(string WaitId, string ElementId, string CalledElement, string ChildInstanceId,
    string? BusinessKey, ImmutableSortedDictionary<string, object?> Variables) : EngineCommand;
