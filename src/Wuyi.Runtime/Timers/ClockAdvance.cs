namespace Wuyi.Runtime.Timers;

/// <summary>
/// Moves the manual clock forward, firing every timer that falls due on the way in due order, each at its
/// own due time, and carrying out what they cause, before it returns. The time is the database's
/// (<see cref="SharedClock"/>): the advance starts from it and every node follows.
/// </summary>
public sealed class ClockAdvance(ManualClock clock, SharedClock shared, DueTimers timers)
{
    /// <summary>Advances by <paramref name="duration"/>; returns the new time and how many timers fired.</summary>
    public async Task<(DateTimeOffset Now, int Fired)> AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var target = await shared.SyncAsync(cancellationToken) + duration;
        var fired = 0;
        while (await timers.NextDueAsync(target, cancellationToken) is { } next)
        {
            await shared.MoveToAsync(next, cancellationToken);
            var now = await timers.FireDueAsync(int.MaxValue, cancellationToken);
            if (now == 0)
                break; // only claimed-elsewhere timers remain due: their node fires them
            fired += now;
        }
        await shared.MoveToAsync(target, cancellationToken);
        fired += await timers.FireDueAsync(int.MaxValue, cancellationToken);
        return (clock.GetUtcNow(), fired);
    }
}
