using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Scheduling;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Tasks;
using Wuyi.Runtime.Timers;

namespace Wuyi.Runtime;

/// <summary>Registers the durable runtime.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime's tables, services and background loop. With a <paramref name="manualClock"/>, business
    /// time is that clock (moved by <see cref="ClockAdvance"/>); otherwise the registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddWuyiRuntime(this IServiceCollection services, IConfiguration? configuration = null,
        ManualClock? manualClock = null, bool backgroundLoop = true)
    {
        services.AddModuleDbContext<RuntimeDbContext, PostgresRuntimeDbContext, SqliteRuntimeDbContext>(RuntimeDbContext.Module, pooled: true);
        var options = services.AddOptions<RuntimeOptions>();
        if (configuration is not null)
            options.Bind(configuration.GetSection(RuntimeOptions.Section));
        var limits = services.AddOptions<InputLimits>();
        if (configuration is not null)
            limits.Bind(configuration.GetSection(InputLimits.Section));
        if (manualClock is not null)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(manualClock);
            services.AddSingleton(manualClock);
            services.AddScoped<ClockAdvance>();
            services.AddScoped<SharedClock>();
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(RuntimeNode.ForThisProcess());
        services.AddSingleton<DefinitionCatalog>();
        services.AddScoped<Deployment>();
        services.AddScoped<InstanceTransitions>();
        services.AddScoped<InstanceOperations>();
        services.AddScoped<IFollowUpRunner, FollowUpRunner>();
        services.AddScoped<MessageCorrelation>();
        services.AddScoped<SignalBroadcast>();
        services.AddScoped<FanOutLog>();
        services.AddScoped<FanOutResumption>();
        services.AddScoped<OutboxWork>();
        services.AddScoped<DueTimers>();
        services.AddScoped<TaskInbox>();
        services.AddScoped<TaskForms>();
        services.AddSingleton<FormVersionCache>();
        services.AddScoped<FormDeployment>();
        services.AddScoped<RuntimeMaintenance>();
        if (backgroundLoop)
            services.AddHostedService<RuntimeLoop>();
        // Quartz runs the recurring schedules on real nodes; with a manual clock time stands still, so none (the loop sweeps).
        if (backgroundLoop && manualClock is null)
            services.AddWuyiScheduling(configuration);
        return services;
    }
}
