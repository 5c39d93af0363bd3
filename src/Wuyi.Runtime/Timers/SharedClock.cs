using Microsoft.EntityFrameworkCore;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Timers;

/// <summary>
/// Keeps the manual clock in the database (<c>manual_clock</c>, one row) so that every node on it reads the same time:
/// an advance on one node writes the row, and each node moves its <see cref="ManualClock"/> forward to the row before
/// it works (each operation, each background round, each advance). Registered only with a manual clock.
/// </summary>
public sealed class SharedClock(RuntimeDbContext db, ManualClock clock)
{
    /// <summary>Moves this node's clock to the shared time (the first node to ask writes its own); returns the time.</summary>
    public async Task<DateTimeOffset> SyncAsync(CancellationToken cancellationToken)
    {
        var shared = await db.Clock.AsNoTracking().Where(c => c.Id == ClockRecord.SingleId).Select(c => (DateTimeOffset?)c.Now)
            .SingleOrDefaultAsync(cancellationToken);
        if (shared is { } now)
            clock.MoveTo(now);
        else
            await WriteAsync(clock.GetUtcNow(), cancellationToken);
        return clock.GetUtcNow();
    }

    /// <summary>Moves the shared time, and this node's, forward to <paramref name="instant"/> (never backwards).</summary>
    public async Task MoveToAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        await WriteAsync(instant, cancellationToken);
        clock.MoveTo(instant);
    }

    private async Task WriteAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var moved = await db.Clock.Where(c => c.Id == ClockRecord.SingleId && c.Now < instant)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Now, instant), cancellationToken);
        if (moved > 0 || await db.Clock.AnyAsync(c => c.Id == ClockRecord.SingleId, cancellationToken))
            return;
        db.Clock.Add(new ClockRecord { Id = ClockRecord.SingleId, Now = instant });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Transience.IsRetryable(e))
        {
            // Another node wrote the first row at the same moment: move it forward as above.
            db.ChangeTracker.Clear();
            await db.Clock.Where(c => c.Id == ClockRecord.SingleId && c.Now < instant)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Now, instant), cancellationToken);
        }
        db.ChangeTracker.Clear();
    }
}
