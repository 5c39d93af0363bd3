using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;

namespace Wuyi.Certification.Signals;

/// <summary>The signals received, newest first, inside the regions a reader may see.</summary>
public sealed class SignalHistory(CertificationDbContext db)
{
    /// <summary>
    /// One page of the signals concerning one of <paramref name="regions"/> — an area or region inside it, or a region it lies
    /// in (a province-wide signal concerns each county) — or sent by <paramref name="sender"/> (their own refusals included).
    /// </summary>
    public async Task<(List<SignalReceipt> Items, int Total)> ListAsync(IReadOnlyCollection<string> regions, string? sender, string? type,
        DateTimeOffset? from, DateTimeOffset? to, int page, int pageSize, CancellationToken cancellationToken)
    {
        var filter = regions.Select(Concerning).Aggregate((Expression<Func<SignalReceipt, bool>>?)null, (any, next) => any is null ? next : Or(any, next));
        if (sender is not null)
            filter = filter is null ? r => r.Actor == sender : Or(filter, r => r.Actor == sender);
        var rows = db.SignalReceipts.AsNoTracking().Where(filter ?? (r => false));
        if (!string.IsNullOrEmpty(type))
            rows = rows.Where(r => r.Type == type);
        if (from is { } f)
            rows = rows.Where(r => r.ReceivedAt >= f);
        if (to is { } t)
            rows = rows.Where(r => r.ReceivedAt < t);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    // Codes under the region as a range (an index serves it whatever the collation), and the regions above it by name.
    private static Expression<Func<SignalReceipt, bool>> Concerning(string region)
    {
        var above = new[] { 2, 4, 6, 9, 12 }.Where(n => n < region.Length).Select(n => region[..n]).ToList();
        return RegionCodes.UpperBound(region) is { } upper
            ? r => r.Code != null && ((string.Compare(r.Code, region) >= 0 && string.Compare(r.Code, upper) < 0) || above.Contains(r.Code))
            : r => r.Code != null && (string.Compare(r.Code, region) >= 0 || above.Contains(r.Code));
    }

    private static Expression<Func<SignalReceipt, bool>> Or(Expression<Func<SignalReceipt, bool>> left, Expression<Func<SignalReceipt, bool>> right)
    {
        var body = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<SignalReceipt, bool>>(Expression.OrElse(left.Body, body), left.Parameters[0]);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
