using System.Collections.Immutable;

namespace Wuyi.Engine.Commands;

/// <summary>
/// Call a service handler; answer with <see cref="Stimuli.ServiceCompleted"/> or <see cref="Stimuli.ServiceFailed"/>.
/// The handler name comes from <c>camunda:topic</c> (with <c>camunda:type="external"</c>),
/// <c>camunda:delegateExpression="${name}"</c>, <c>camunda:class</c> or any other <c>camunda:type</c>.
/// </summary>
/// <param name="WaitId">The service task's wait id.</param>
/// <param name="ElementId">The task's element id.</param>
/// <param name="HandlerName">The handler to call.</param>
/// <param name="Variables">The variables visible at the task.</param>
public sealed record InvokeService(string WaitId, string ElementId, string HandlerName,
    ImmutableSortedDictionary<string, object?> Variables) : EngineCommand;
