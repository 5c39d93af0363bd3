namespace Wuyi.Runtime.Outbox;

/// <summary>
/// Carries out a service, send or business-rule task: <c>camunda:topic</c> (external tasks),
/// <c>camunda:delegateExpression</c> or <c>camunda:type</c> names it. Runs from the outbox, at least once,
/// with retries; it must tolerate being called again for the same <see cref="ServiceCall.WaitId"/>.
/// </summary>
public interface IServiceTaskHandler
{
    /// <summary>The handler's name as models name it, e.g. <c>publish-result</c>.</summary>
    string Name { get; }

    /// <summary>Does the work. Return output variables, or a BPMN error; throw for a transient failure (retried).</summary>
    Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken);
}
