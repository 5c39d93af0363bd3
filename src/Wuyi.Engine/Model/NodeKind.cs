namespace Wuyi.Engine.Model;

/// <summary>The BPMN flow node kinds the engine executes.</summary>
internal enum NodeKind
{
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    Task,
    ManualTask,
    UserTask,
    ServiceTask,
    SendTask,
    BusinessRuleTask,
    ReceiveTask,
    ScriptTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    SubProcess,
    EventSubProcess,
    CallActivity,
}

internal static class NodeKindFacts
{
    /// <summary>Activities are what boundary events attach to and what multi-instance applies to.</summary>
    public static bool IsActivity(this NodeKind kind) => kind is NodeKind.Task or NodeKind.ManualTask or NodeKind.UserTask
        or NodeKind.ServiceTask or NodeKind.SendTask or NodeKind.BusinessRuleTask or NodeKind.ReceiveTask
        or NodeKind.ScriptTask or NodeKind.SubProcess or NodeKind.CallActivity;

    public static bool IsGateway(this NodeKind kind) => kind is NodeKind.ExclusiveGateway or NodeKind.ParallelGateway
        or NodeKind.InclusiveGateway or NodeKind.EventBasedGateway;
}
