using Microsoft.EntityFrameworkCore;
using Wuyi.People.Persistence;

namespace Wuyi.People.Audit;

/// <summary>Writes and reads the audit trail.</summary>
public sealed class AuditLog(PeopleDbContext db)
{
    /// <summary>Records one change.</summary>
    public async Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        db.Audit.Add(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The changes matching the filters, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<AuditRecord> Items, int Total)> ListAsync(IQueryable<AuditRecord>? narrowed, string? user,
        string? region, DateTimeOffset? from, DateTimeOffset? to, int page, int pageSize, CancellationToken cancellationToken)
    {
        var rows = narrowed ?? db.Audit.AsNoTracking();
        if (user is not null)
            rows = rows.Where(a => a.UserName == user);
        if (region is not null)
            rows = rows.Where(a => a.RegionCode != null && a.RegionCode.StartsWith(region));
        if (from is { } f)
            rows = rows.Where(a => a.At >= f);
        if (to is { } t)
            rows = rows.Where(a => a.At < t);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The audit table, for callers narrowing it to a jurisdiction first.</summary>
    public IQueryable<AuditRecord> Rows => db.Audit.AsNoTracking();
}
