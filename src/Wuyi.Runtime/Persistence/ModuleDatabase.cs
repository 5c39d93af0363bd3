using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Wuyi.Runtime.Persistence;

/// <summary>Migrates one module's context, resolved in a scope of its own.</summary>
internal sealed class ModuleDatabase<TContext>(IServiceScopeFactory scopes, string module) : IModuleDatabase
    where TContext : DbContext
{
    public string Module => module;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
