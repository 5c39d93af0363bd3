using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Persistence;

namespace Wuyi.Certification.Epidemic;

/// <summary>
/// Reads an area's epidemic status and decides who may take part: every area of a county at dynamic zero
/// or with no outbreak recorded; in a county not at dynamic zero, only an area that itself is at dynamic
/// zero — no open close contact and no infection within one incubation period.
/// </summary>
public sealed class EpidemicStatus(CertificationDbContext db, TimeProvider clock)
{
    /// <summary>One incubation period: an area with no infection for this long (and no open contact) is at dynamic zero itself.</summary>
    public static readonly TimeSpan IncubationPeriod = TimeSpan.FromDays(14);

    /// <summary>The area's latest infection, or null.</summary>
    public async Task<DateTimeOffset?> LastInfectionAtAsync(string areaCode, CancellationToken cancellationToken) =>
        await db.AreaInfections.AsNoTracking().Where(a => a.AreaCode == areaCode).Select(a => (DateTimeOffset?)a.LastInfectionAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The references of the area's close contacts not yet ruled out.</summary>
    public async Task<List<string>> OpenContactsAsync(string areaCode, CancellationToken cancellationToken) =>
        await db.CloseContacts.AsNoTracking().Where(c => c.AreaCode == areaCode && c.ClearedAt == null)
            .OrderBy(c => c.Reference).Select(c => c.Reference).ToListAsync(cancellationToken);

    /// <summary>The county's dynamic-zero status: true declared, false lost, null no outbreak recorded.</summary>
    public async Task<bool?> CountyDynamicZeroAsync(string countyCode, CancellationToken cancellationToken) =>
        await db.CountyStatuses.AsNoTracking().Where(c => c.CountyCode == countyCode).Select(c => (bool?)c.DynamicZero)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Decides whether the area may take part now.</summary>
    public async Task<Eligibility> CheckAsync(string areaCode, CancellationToken cancellationToken)
    {
        var countyCode = areaCode[..6];
        var lastInfection = await LastInfectionAtAsync(areaCode, cancellationToken);
        switch (await CountyDynamicZeroAsync(countyCode, cancellationToken))
        {
            case null:
                return new Eligibility(true, $"county {countyCode} has had no outbreak", lastInfection);
            case true:
                return new Eligibility(true, $"county {countyCode} is at dynamic zero", lastInfection);
        }
        var open = await OpenContactsAsync(areaCode, cancellationToken);
        if (open.Count > 0)
            return new Eligibility(false,
                $"county {countyCode} is not at dynamic zero and the area has {open.Count} open close contact(s) ({string.Join(", ", open)})", lastInfection);
        if (lastInfection is { } last && last > clock.GetUtcNow() - IncubationPeriod)
            return new Eligibility(false,
                $"county {countyCode} is not at dynamic zero and the area had an infection on {last:yyyy-MM-dd}, within one incubation period ({IncubationPeriod.TotalDays:0} days)",
                lastInfection);
        return new Eligibility(true, $"county {countyCode} is not at dynamic zero, but the area itself is", lastInfection);
    }
}
