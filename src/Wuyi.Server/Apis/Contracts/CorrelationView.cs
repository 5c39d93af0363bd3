namespace Wuyi.Server.Apis.Contracts;

/// <summary>What a message reached.</summary>
/// <param name="MessageId">The message's id (the one given, or the one made up).</param>
/// <param name="Correlated">Instances whose wait it triggered (now, or before for a repeat).</param>
/// <param name="Started">Instances it started at message start events.</param>
/// <param name="Buffered">True when it reached nothing and is kept for a wait to come.</param>
public sealed record CorrelationView(string MessageId, IReadOnlyList<string> Correlated, IReadOnlyList<string> Started, bool Buffered);
