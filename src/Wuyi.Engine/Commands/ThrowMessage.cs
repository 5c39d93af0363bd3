using System.Collections.Immutable;

namespace Wuyi.Engine.Commands;

/// <summary>Send a BPMN message (a message end or intermediate throw event without a handler).</summary>
/// <param name="ElementId">The throwing element's id.</param>
/// <param name="MessageName">The message name.</param>
/// <param name="CorrelationKey">The correlation key: the element's <c>correlationKey</c> property, else the business key.</param>
/// <param name="Variables">The variables visible at the throwing element.</param>
public sealed record ThrowMessage(string ElementId, string MessageName, string? CorrelationKey,
    ImmutableSortedDictionary<string, object?> Variables) : EngineCommand;
