using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Messages;

/// <summary>
/// Records an accepted fan-out before delivering it and marks it done after, so that one cut short by a crash is a
/// pending row whose claim lapses and any node resumes (<see cref="FanOutResumption"/>). Nothing accepted depends on
/// the sender resending; delivering again is harmless because every delivery is keyed.
/// </summary>
public sealed class FanOutLog(RuntimeDbContext db, TimeProvider clock, IOptions<RuntimeOptions> options, RuntimeNode node)
{
    /// <summary>Records <paramref name="request"/> (claimed by this node), runs <paramref name="deliver"/>, marks it done.</summary>
    public async Task<T> RunAsync<T>(FanOutRequest request, Func<Task<T>> deliver, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.ClaimDuration;
        var id = request.Id;
        var claimed = await db.FanOuts.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimedBy, node.Id)
            .SetProperty(f => f.ClaimedUntil, until).SetProperty(f => f.Attempts, f => f.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            db.FanOuts.Add(new FanOutRecord
            {
                Id = id, Request = request.ToJson(), Status = "pending", ClaimedBy = node.Id, ClaimedUntil = until, Attempts = 1, CreatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (Transience.IsRetryable(e))
            {
                // The same id accepted by a racing request: it is recorded either way.
            }
            db.ChangeTracker.Clear();
        }
        var result = await deliver();
        await db.FanOuts.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, "done")
            .SetProperty(f => f.ClaimedUntil, (DateTimeOffset?)null).SetProperty(f => f.FinishedAt, clock.GetUtcNow()), cancellationToken);
        return result;
    }

    /// <summary>Claims up to <paramref name="max"/> pending fan-outs whose claim lapsed (their node died or gave up).</summary>
    public async Task<List<FanOutRequest>> ClaimStrandedAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.ClaimDuration;
        var candidates = await db.FanOuts.AsNoTracking().Where(f => f.Status == "pending" && (f.ClaimedUntil == null || f.ClaimedUntil < now))
            .OrderBy(f => f.CreatedAt).Take(max).Select(f => new { f.Id, f.Request }).ToListAsync(cancellationToken);
        var won = new List<FanOutRequest>();
        foreach (var candidate in candidates)
        {
            var id = candidate.Id;
            var claimed = await db.FanOuts.Where(f => f.Id == id && f.Status == "pending" && (f.ClaimedUntil == null || f.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimedBy, node.Id).SetProperty(f => f.ClaimedUntil, until), cancellationToken);
            if (claimed > 0)
                won.Add(FanOutRequest.FromJson(candidate.Request));
        }
        return won;
    }
}
