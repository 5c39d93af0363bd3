namespace Wuyi.Server.Apis.Contracts;

/// <summary>What a signal reached.</summary>
/// <param name="BroadcastId">The broadcast's id (the one given, or the one made up).</param>
/// <param name="Reached">Instances that were waiting for it.</param>
/// <param name="Started">Instances it started at signal start events.</param>
public sealed record BroadcastView(string BroadcastId, IReadOnlyList<string> Reached, IReadOnlyList<string> Started);
