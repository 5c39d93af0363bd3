using Microsoft.Extensions.DependencyInjection;
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
            var status = new EpidemicStatus(db, new FakeTimeProvider(Now));
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

            // One incubation period (14 days) after the infection, the area is at dynamic zero itself.
            db.AreaInfections.Add(new AreaInfection { AreaCode = "460105001003", LastInfectionAt = Now.AddDays(-14).AddMinutes(1), Reference = "case-2" });
            db.AreaInfections.Add(new AreaInfection { AreaCode = "460105001004", LastInfectionAt = Now.AddDays(-14).AddMinutes(-1), Reference = "case-3" });
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
}
