using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Wuyi.Runtime.Persistence;

/// <summary>Registers the database target and the modules' contexts.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the database every module stores its tables in.</summary>
    public static IServiceCollection AddWuyiDatabase(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(target);
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// Registers a module's context. <typeparamref name="TContext"/> is what the module's code asks for; it
    /// resolves to the provider-specific subclass that owns that provider's migrations.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TPostgres, TSqlite>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TPostgres : TContext
        where TSqlite : TContext
    {
        // The options depend only on the (singleton) target: built once, not once per request — building them and
        // finding EF's internal services for them again cost every request's context a measurable share of its CPU.
        services.AddDbContext<TPostgres>((sp, o) => ModuleDbContextOptions.Configure(o, sp.GetRequiredService<DatabaseTarget>(), module),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<TSqlite>((sp, o) => ModuleDbContextOptions.Configure(o, sp.GetRequiredService<DatabaseTarget>(), module),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<TContext>(sp => sp.GetRequiredService<DatabaseTarget>().Provider == DatabaseProvider.PostgreSql
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TSqlite>());
        services.AddSingleton<IModuleDatabase>(sp => new ModuleDatabase<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), module));
        return services;
    }
}
