using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Certification;

/// <summary>Registers the certification domain.</summary>
public static class CertificationServiceCollectionExtensions
{
    /// <summary>Adds the certification tables, regions and their seed.</summary>
    public static IServiceCollection AddCertification(this IServiceCollection services)
    {
        services.AddModuleDbContext<CertificationDbContext, PostgresCertificationDbContext, SqliteCertificationDbContext>(CertificationDbContext.Module);
        services.AddScoped<RegionImport>();
        services.AddScoped<RegionSeed>();
        return services;
    }
}
