using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Epidemic;
using Wuyi.Certification.Handlers;
using Wuyi.Certification.Inspections;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Certification.Signals;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Certification;

/// <summary>Registers the certification domain.</summary>
public static class CertificationServiceCollectionExtensions
{
    /// <summary>Adds the certification tables, regions and their seed, areas, epidemic status, signals, certifications
    /// and the service-task handlers of the certification models; with <paramref name="backgroundProjection"/>, the
    /// node keeps the certifications' status table up to date in the background too.</summary>
    public static IServiceCollection AddCertification(this IServiceCollection services, bool backgroundProjection = false)
    {
        services.AddModuleDbContext<CertificationDbContext, PostgresCertificationDbContext, SqliteCertificationDbContext>(CertificationDbContext.Module);
        services.AddScoped<RegionImport>();
        services.AddScoped<RegionSeed>();
        services.AddOptions<CertificationOptions>().BindConfiguration(CertificationOptions.Section);
        services.AddScoped<AreaDirectory>();
        services.AddScoped<RegionTree>();
        services.AddScoped<EpidemicStatus>();
        services.AddScoped<SignalIntake>();
        services.AddScoped<SignalHistory>();
        services.AddScoped<CertificationApplications>();
        services.AddScoped<InspectionPolicies>();
        services.TryAddSingleton<IInspectionDraws, HashedInspectionDraws>();
        services.AddScoped<CertificationQueries>();
        services.AddScoped<CertificationProjection>();
        services.AddScoped<ITransitionObserver, CertificationStatusRows>();
        if (backgroundProjection)
            services.AddHostedService<CertificationProjector>();
        services.AddSingleton<IServiceTaskHandler, CheckEligibilityHandler>();
        services.AddSingleton<IServiceTaskHandler, PublishResultHandler>();
        services.AddSingleton<IServiceTaskHandler, NotifyAreaHandler>();
        services.AddSingleton<IServiceTaskHandler, PlanSpotCheckHandler>();
        return services;
    }
}
