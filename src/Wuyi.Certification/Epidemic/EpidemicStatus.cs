using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Persistence;

namespace Wuyi.Certification.Epidemic;

/// <summary>
/// Reads an area's epidemic status and decides who may take part (创建范围, workflows/README.md): every area of a
/// county at dynamic zero or with no outbreak recorded; in a county not at dynamic zero, only an area that itself is
/// at dynamic zero (辖区内已实现动态清零的村(社区)、小区) — no new infection within one incubation period. Dynamic
/// zero (动态清零) counts infections: an open close contact does not end it (the notice suspends a certification for
/// one, it does not delist it), so it does not bar an application either; a certification published while one is open
/// starts suspended (<c>publish-result</c> reports them).
/// </summary>
public sealed class EpidemicStatus(CertificationDbContext db, TimeProvider clock)
{
    /// <summary>One incubation period (一个潜伏周期, the notice's yardstick for dynamic zero): an area with no infection for this
    /// long is at dynamic zero itself.</summary>
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
        if (lastInfection is { } last && last > clock.GetUtcNow() - IncubationPeriod)
            return new Eligibility(false,
                $"county {countyCode} is not at dynamic zero and the area had an infection on {last:yyyy-MM-dd}, within one incubation period ({IncubationPeriod.TotalDays:0} days)",
                lastInfection);
        return new Eligibility(true, $"county {countyCode} is not at dynamic zero, but the area itself is", lastInfection);
    }
}
