using System.Collections.Immutable;
using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>
/// One flow node of a process, with the Camunda 7 attributes its kind uses. The graph around it (flows,
/// attached boundary events, the nodes of a sub-process) lives in <see cref="ProcessDefinition"/>.
/// </summary>
internal sealed record FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required NodeKind Kind { get; init; }

    /// <summary>The BPMN element name as written (<c>userTask</c>), which traces report as <c>elementType</c>.</summary>
    public required string ElementType { get; init; }

    public int? Line { get; init; }

    /// <summary>The id of the process or sub-process this node sits in.</summary>
    public required string ScopeId { get; init; }

    public EventDefinition Event { get; init; } = EventDefinition.None;
    public string? DefaultFlowId { get; init; }

    /// <summary>For a boundary event: the activity it is attached to.</summary>
    public string? AttachedToId { get; init; }

    /// <summary>Boundary events: interrupting; event sub-process start events: <c>isInterrupting</c>.</summary>
    public bool Interrupting { get; init; } = true;

    public UserTaskSpec? UserTask { get; init; }

    /// <summary>The handler a service, send or business-rule task (or a throwing event with an implementation) calls.</summary>
    public string? Handler { get; init; }

    public ScriptSpec? Script { get; init; }
    public CallActivitySpec? Call { get; init; }
    public MultiInstanceSpec? MultiInstance { get; init; }
    public ImmutableArray<VariableMapping> Inputs { get; init; } = [];
    public ImmutableArray<VariableMapping> Outputs { get; init; } = [];

    /// <summary>A catching message element's <c>camunda:property name="correlationKey"</c>.</summary>
    public Expression? CorrelationKey { get; init; }

    /// <summary>For a link throw event: the id of the link catch event it jumps to.</summary>
    public string? LinkTargetId { get; init; }

    /// <summary>A start event's <c>camunda:initiator</c>: the variable that receives the starting user.</summary>
    public string? Initiator { get; init; }

    /// <summary>Expression listeners, in document order.</summary>
    public ImmutableArray<ListenerSpec> Listeners { get; init; } = [];

    public bool IsMultiInstance => MultiInstance is not null;
}
