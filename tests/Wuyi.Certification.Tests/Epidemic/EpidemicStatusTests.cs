using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wuyi.Certification.Certifications;
using Microsoft.Extensions.Time.Testing;
using Wuyi.Certification.Epidemic;
using Wuyi.Certification.Persistence;

namespace Wuyi.Certification.Tests.Epidemic;

public sealed class EpidemicStatusTests
{
    private const string Area = "460105001001";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2022-08-24T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CheckAsync_CountyStatusAndAreaStatus_DecideWhoMayTakePart()
    {
        await using var database = await CertificationDatabase.CreateAsync("postgres");
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            var status = new EpidemicStatus(db, new FakeTimeProvider(Now), Options.Create(new CertificationOptions()));
            Assert.True((await status.CheckAsync(Area, CancellationToken.None)).Eligible); // no outbreak recorded

            db.CountyStatuses.Add(new CountyStatus { CountyCode = "460105", DynamicZero = false, ChangedAt = Now });
            db.AreaInfections.Add(new AreaInfection { AreaCode = Area, LastInfectionAt = Now.AddDays(-3), Reference = "case-1" });
            await db.SaveChangesAsync();
            var refused = await status.CheckAsync(Area, CancellationToken.None);
            Assert.False(refused.Eligible);
            Assert.Contains("incubation period", refused.Reason);
            Assert.Equal(Now.AddDays(-3), refused.LastInfectionAt);
            Assert.True((await status.CheckAsync("460105001002", CancellationToken.None)).Eligible); // the area itself at zero

            // Dynamic zero counts infections: an open close contact suspends a certification, it does not bar an application.
            db.CloseContacts.Add(new CloseContact { AreaCode = "460105001002", Reference = "cc-1", ReportedAt = Now });
            await db.SaveChangesAsync();
            var withContact = await status.CheckAsync("460105001002", CancellationToken.None);
            Assert.True(withContact.Eligible, withContact.Reason);
            Assert.Contains("the area itself is", withContact.Reason);

            // One incubation period (14 calendar days, China time) after the day of the infection, the area is at dynamic zero
            // itself: now is 24 August 09:00, so a case on 10 August 00:00 still counts and one on 9 August 23:59 no longer does.
            db.AreaInfections.Add(new AreaInfection { AreaCode = "460105001003", LastInfectionAt = At("2022-08-10T00:00:00+08:00").ToUniversalTime(), Reference = "case-2" });
            db.AreaInfections.Add(new AreaInfection { AreaCode = "460105001004", LastInfectionAt = At("2022-08-09T23:59:00+08:00").ToUniversalTime(), Reference = "case-3" });
            await db.SaveChangesAsync();
            Assert.False((await status.CheckAsync("460105001003", CancellationToken.None)).Eligible);
            Assert.True((await status.CheckAsync("460105001004", CancellationToken.None)).Eligible);

            var county = await db.CountyStatuses.FindAsync("460105");
            county!.DynamicZero = true;
            await db.SaveChangesAsync();
            var allowed = await status.CheckAsync(Area, CancellationToken.None);
            Assert.True(allowed.Eligible);
            Assert.Equal(Now.AddDays(-3), allowed.LastInfectionAt);
            return 0;
        });
    }

    [Theory]
    [InlineData("2022-08-20T10:00:00+08:00", 7, "2022-08-28T00:00:00+08:00")]
    [InlineData("2022-08-20T23:59:59+08:00", 7, "2022-08-28T00:00:00+08:00")]
    [InlineData("2022-08-20T16:30:00Z", 7, "2022-08-29T00:00:00+08:00")] // 21 August 00:30 in China
    [InlineData("2022-08-20T00:00:00+08:00", 14, "2022-09-04T00:00:00+08:00")]
    public void CleanDaysEnd_CaseOnADay_NextMidnightAfterTheWholeDaysInChina(string infection, int days, string expected)
    {
        var end = ChinaCalendar.CleanDaysEnd(At(infection), days);

        Assert.Equal(At(expected), end);
        Assert.Equal(TimeSpan.FromHours(8), end.Offset);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
