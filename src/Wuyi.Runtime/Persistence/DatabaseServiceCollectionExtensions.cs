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
    /// resolves to the provider-specific subclass that owns that provider's migrations. With <paramref name="pooled"/>,
    /// requests lease contexts from a pool; a module whose contexts borrow another context's connection (and so must
    /// never be handed on with it) is not pooled.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TPostgres, TSqlite>(this IServiceCollection services, string module,
        bool pooled = false)
        where TContext : DbContext
        where TPostgres : TContext
        where TSqlite : TContext
    {
        if (pooled)
        {
            // A request's context comes from a pool: building one (its options, EF's internal services for them) for
            // every request cost a person's action a measurable share of its CPU. A pooled context is reset on return
            // (tracked entities, transaction, savepoint and timeout settings), so nothing of one request reaches the next.
            services.AddDbContextPool<TPostgres>((sp, o) => ModuleDbContextOptions.Configure(o, sp.GetRequiredService<DatabaseTarget>(), module));
            services.AddDbContextPool<TSqlite>((sp, o) => ModuleDbContextOptions.Configure(o, sp.GetRequiredService<DatabaseTarget>(), module));
        }
        else
        {
            // Options built once all the same: they depend only on the (singleton) target.
            services.AddDbContext<TPostgres>((sp, o) => ModuleDbContextOptions.Configure(o, sp.GetRequiredService<DatabaseTarget>(), module),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddDbContext<TSqlite>((sp, o) => ModuleDbContextOptions.Configure(o, sp.GetRequiredService<DatabaseTarget>(), module),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        services.AddScoped<TContext>(sp => sp.GetRequiredService<DatabaseTarget>().Provider == DatabaseProvider.PostgreSql
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TSqlite>());
        services.AddSingleton<IModuleDatabase>(sp => new ModuleDatabase<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), module));
        return services;
    }
}
