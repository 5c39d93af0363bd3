using Wuyi.Engine.Stimuli;

namespace Wuyi.Runtime.Instances;

/// <summary>A stimulus for one instance, with the key that makes it idempotent and who sent it.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Stimulus">What happened.</param>
/// <param name="IdempotencyKey">Applying the same key twice changes nothing the second time.</param>
/// <param name="Actor">Who: a user name or <c>system:…</c>.</param>
public sealed record StimulusRequest(string InstanceId, Stimulus Stimulus, string IdempotencyKey, string Actor);
