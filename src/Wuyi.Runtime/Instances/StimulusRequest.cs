using Wuyi.Engine.Stimuli;

namespace Wuyi.Runtime.Instances;

/// <summary>A stimulus for one instance, with the key that makes it idempotent and who sent it.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Stimulus">What happened.</param>
/// <param name="IdempotencyKey">Applying the same key twice changes nothing the second time.</param>
/// <param name="Actor">Who: a user name or <c>system:…</c>.</param>
/// <param name="TaskRevision">For a task completion: the task row's revision it was decided on. The step then applies only
/// while the row is still there and claimed by nobody else (<see cref="TaskChangedException"/> otherwise), in its own
/// transaction: a claim and a completion at the same moment are ordered.</param>
public sealed record StimulusRequest(string InstanceId, Stimulus Stimulus, string IdempotencyKey, string Actor, int? TaskRevision = null);
