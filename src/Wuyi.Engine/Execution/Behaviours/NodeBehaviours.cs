using Wuyi.Engine.Model;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>Finds the behaviour of a node kind.</summary>
internal static class NodeBehaviours
{
    private static readonly INodeBehaviour PassThrough = new PassThroughBehaviour();
    private static readonly INodeBehaviour Start = new StartEventBehaviour();
    private static readonly INodeBehaviour End = new EndEventBehaviour();
    private static readonly INodeBehaviour Catch = new IntermediateCatchEventBehaviour();
    private static readonly INodeBehaviour Throw = new IntermediateThrowEventBehaviour();
    private static readonly INodeBehaviour User = new UserTaskBehaviour();
    private static readonly INodeBehaviour Service = new ServiceTaskBehaviour();
    private static readonly INodeBehaviour Script = new ScriptTaskBehaviour();
    private static readonly INodeBehaviour Receive = new ReceiveTaskBehaviour();
    private static readonly INodeBehaviour Exclusive = new ExclusiveGatewayBehaviour();
    private static readonly INodeBehaviour Parallel = new ParallelGatewayBehaviour();
    private static readonly INodeBehaviour Inclusive = new InclusiveGatewayBehaviour();
    private static readonly INodeBehaviour EventBased = new EventBasedGatewayBehaviour();
    private static readonly INodeBehaviour Sub = new SubProcessBehaviour();
    private static readonly INodeBehaviour Call = new CallActivityBehaviour();

    public static INodeBehaviour For(NodeKind kind) => kind switch
    {
        NodeKind.StartEvent => Start,
        NodeKind.EndEvent => End,
        NodeKind.IntermediateCatchEvent => Catch,
        NodeKind.IntermediateThrowEvent => Throw,
        NodeKind.UserTask => User,
        NodeKind.ServiceTask or NodeKind.SendTask or NodeKind.BusinessRuleTask => Service,
        NodeKind.ScriptTask => Script,
        NodeKind.ReceiveTask => Receive,
        NodeKind.ExclusiveGateway => Exclusive,
        NodeKind.ParallelGateway => Parallel,
        NodeKind.InclusiveGateway => Inclusive,
        NodeKind.EventBasedGateway => EventBased,
        NodeKind.SubProcess => Sub,
        NodeKind.CallActivity => Call,
        // Boundary events and event sub-processes are entered only when they fire, never along a flow.
        _ => PassThrough,
    };
}
