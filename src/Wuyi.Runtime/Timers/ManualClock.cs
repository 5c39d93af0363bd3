namespace Wuyi.Runtime.Timers;

/// <summary>
/// The clock of <c>--clock manual</c> (staging and tests): time stands still until
/// <see cref="ClockAdvance"/> moves it, firing every timer that falls due on the way, in due order.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="instant"/>; never backwards.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref utcTicks);
            if (instant.UtcTicks <= current)
                return;
        }
        while (Interlocked.CompareExchange(ref utcTicks, instant.UtcTicks, current) != current);
    }
}
