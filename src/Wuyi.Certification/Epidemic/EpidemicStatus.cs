using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Persistence;

namespace Wuyi.Certification.Epidemic;

/// <summary>
/// Reads an area's epidemic status and decides who may take part (创建范围, workflows/README.md): every area of a
/// county at dynamic zero or with no outbreak; in a county not at dynamic zero, only an area that itself is at dynamic
/// zero (辖区内已实现动态清零的村(社区)、小区) — no new infection within one incubation period. A county's standing is
/// derived from the service's own infection records since the programme's start as well as from declarations: an
/// infection with no dynamic-zero declaration after it is an outbreak, whatever was declared before. Dynamic zero
/// (动态清零) counts infections: an open close contact does not end it (the notice suspends a certification for one, it
/// does not delist it), so it does not bar an application either.
/// </summary>
public sealed class EpidemicStatus(CertificationDbContext db, TimeProvider clock, IOptions<CertificationOptions> options)
{
    /// <summary>One incubation period (一个潜伏周期, the notice's yardstick for dynamic zero), in calendar days.</summary>
    public const int IncubationDays = 14;

    /// <summary>"连续7天无新增感染者", in calendar days.</summary>
    public const int CleanDays = 7;

    /// <summary>The area's latest infection, or null.</summary>
    public async Task<DateTimeOffset?> LastInfectionAtAsync(string areaCode, CancellationToken cancellationToken) =>
        await db.AreaInfections.AsNoTracking().Where(a => a.AreaCode == areaCode).Select(a => (DateTimeOffset?)a.LastInfectionAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The references of the area's close contacts not yet ruled out.</summary>
    public async Task<List<string>> OpenContactsAsync(string areaCode, CancellationToken cancellationToken) =>
        await db.CloseContacts.AsNoTracking().Where(c => c.AreaCode == areaCode && c.ClearedAt == null)
            .OrderBy(c => c.Reference).Select(c => c.Reference).ToListAsync(cancellationToken);

    /// <summary>The area's risk zone level (<see cref="RiskZones"/>); <c>low</c> when none was ever signalled.</summary>
    public async Task<string> RiskZoneAsync(string areaCode, CancellationToken cancellationToken) =>
        await db.RiskZones.AsNoTracking().Where(z => z.AreaCode == areaCode).Select(z => z.Level).FirstOrDefaultAsync(cancellationToken)
        ?? RiskZones.Low;

    /// <summary>The county's standing: no outbreak, at dynamic zero, or not, and why.</summary>
    public async Task<CountyState> CountyAsync(string countyCode, CancellationToken cancellationToken)
    {
        var since = options.Value.ProgrammeStart;
        // A county has at most a few hundred areas with a case on record; DateTimeOffset is compared here, not in SQL,
        // because SQLite cannot order by it.
        var infections = await db.AreaInfections.AsNoTracking().Where(a => a.AreaCode.StartsWith(countyCode)).ToListAsync(cancellationToken);
        var latest = infections.Where(a => a.LastInfectionAt >= since).MaxBy(a => a.LastInfectionAt);
        var declared = await db.CountyStatuses.AsNoTracking().SingleOrDefaultAsync(c => c.CountyCode == countyCode, cancellationToken);
        var latestAt = latest?.LastInfectionAt;
        if (declared is { DynamicZero: false })
            return new CountyState(countyCode, CountyStates.NotDynamicZero,
                $"county {countyCode} lost dynamic zero on {Day(declared.ChangedAt)}", latestAt, latest?.AreaCode, declared.ChangedAt);
        if (declared is { DynamicZero: true } && (latest is null || declared.ChangedAt >= latest.LastInfectionAt))
            return new CountyState(countyCode, CountyStates.DynamicZero,
                $"county {countyCode} declared dynamic zero on {Day(declared.ChangedAt)}"
                + (latest is null ? "" : $", after its latest infection on {Day(latest.LastInfectionAt)}"), latestAt, latest?.AreaCode,
                declared.ChangedAt);
        if (latest is not null)
            return new CountyState(countyCode, CountyStates.NotDynamicZero,
                $"county {countyCode} recorded an infection on {Day(latest.LastInfectionAt)} (area {latest.AreaCode}) and no dynamic-zero "
                + $"declaration since (outbreak counted from {Day(since)})", latestAt, latest.AreaCode, declared?.ChangedAt);
        return new CountyState(countyCode, CountyStates.NoOutbreak,
            $"county {countyCode} has recorded no infection since {Day(since)} and no declaration", null, null, declared?.ChangedAt);
    }

    /// <summary>Decides whether the area may take part now.</summary>
    public async Task<Eligibility> CheckAsync(string areaCode, CancellationToken cancellationToken)
    {
        var lastInfection = await LastInfectionAtAsync(areaCode, cancellationToken);
        var county = await CountyAsync(areaCode[..6], cancellationToken);
        if (county.OpenToAll)
            return new Eligibility(true, county.Reason, lastInfection);
        if (lastInfection is { } last && clock.GetUtcNow() < ChinaCalendar.CleanDaysEnd(last, IncubationDays))
            return new Eligibility(false,
                $"{county.Reason}, and the area itself is not at dynamic zero: it had an infection on {Day(last)}, within one incubation "
                + $"period ({IncubationDays} calendar days; at dynamic zero from {Day(ChinaCalendar.CleanDaysEnd(last, IncubationDays))})",
                lastInfection);
        return new Eligibility(true, $"{county.Reason}, but the area itself is at dynamic zero", lastInfection);
    }

    private static string Day(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, ChinaCalendar.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
