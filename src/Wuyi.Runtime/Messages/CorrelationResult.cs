namespace Wuyi.Runtime.Messages;

/// <summary>What a message or signal reached.</summary>
/// <param name="Correlated">Instances whose wait it triggered (now or, for a repeat, before).</param>
/// <param name="Started">Instances it started through a message or signal start event.</param>
/// <param name="Buffered">True when it matched nothing and is kept for a wait to come.</param>
public sealed record CorrelationResult(IReadOnlyList<string> Correlated, IReadOnlyList<string> Started, bool Buffered);
