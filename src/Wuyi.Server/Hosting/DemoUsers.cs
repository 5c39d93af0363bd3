using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.People.Access;
using Wuyi.People.Persistence;
using Wuyi.People.Users;

namespace Wuyi.Server.Hosting;

/// <summary>
/// One user per role for 秀英区 (and the provincial ones), seeded with the demo certifications on the embedded default so
/// a newcomer can sign in as anyone. The password is public (README, start-up log): it is a demo, never a deployment.
/// </summary>
internal static class DemoUsers
{
    /// <summary>The demo users' password.</summary>
    public const string Password = "Wuyi-demo-2026";

    private const string County = DemoCertifications.County;

    /// <summary>Creates the demo users if there is no user yet; returns their names and pairs (empty when it did nothing).</summary>
    public static async Task<IReadOnlyList<string>> SeedIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<PeopleDbContext>().Users.AnyAsync(cancellationToken))
            return [];
        var villages = await scope.ServiceProvider.GetRequiredService<CertificationDbContext>().Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(County)).OrderBy(r => r.Code).Select(r => r.Code)
            .Take(DemoCertifications.ReturnedAreaIndex + 1).ToListAsync(cancellationToken);
        var returned = villages.Count > DemoCertifications.ReturnedAreaIndex ? villages[DemoCertifications.ReturnedAreaIndex] : County + "001001";
        (string Name, string Display, Grant Grant)[] users =
        [
            ("admin", "系统管理员", new Grant(Roles.Administrator, "46")),
            ("province", "省级备案员", new Grant(Roles.ProvinceFiler, "46")),
            ("inspector", "省级督查员", new Grant(Roles.Inspector, "46")),
            ("inspector-county", "区督查员", new Grant(Roles.Inspector, County)),
            ("county", "区评定员", new Grant(Roles.CountyAssessor, County)),
            ("township", "街道审核员", new Grant(Roles.TownshipReviewer, County + "001")),
            ("applicant", "村(居)委会", new Grant(Roles.Applicant, returned)),
            ("centre", "区文明中心", new Grant(Roles.CivilisationCentre, County)),
            ("civil-affairs", "区民政局", new Grant(Roles.CivilAffairs, County)),
            ("health", "区卫健委", new Grant(Roles.Health, County)),
            ("operator", "省卫健委系统", new Grant(Roles.HealthOperator, "46")),
        ];
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        foreach (var (name, display, grant) in users)
        {
            var (_, errors) = await directory.CreateAsync(new NewUser(name, [grant], Password, display, $"{name}@wuyi.example"), cancellationToken);
            if (errors.Count > 0)
                throw new InvalidOperationException($"the demo user {name} was refused: {string.Join(" ", errors)}");
        }
        return [.. users.Select(u => $"{u.Name} ({u.Grant})")];
    }
}
