namespace Wuyi.Runtime.Instances;

/// <summary>
/// Carries out what committed transitions caused (outbox rows, buffered messages for new waits). Implemented above
/// the instances (it needs the outbox and the messages, which need the instances), so the transitions reach it
/// through this interface and the namespaces do not form a cycle.
/// </summary>
internal interface IFollowUpRunner
{
    /// <summary>Runs <paramref name="work"/> until nothing is left (bounded).</summary>
    Task RunAsync(FollowUps work, CancellationToken cancellationToken);
}
