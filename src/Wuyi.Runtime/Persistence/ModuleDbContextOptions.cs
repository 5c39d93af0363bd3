using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wuyi.Runtime.Persistence;

/// <summary>How every module's context talks to its database: one place for naming and history tables.</summary>
public static class ModuleDbContextOptions
{
    /// <summary>Configures <paramref name="builder"/> for <paramref name="target"/> and the module's own
    /// migration history table (<c>__wuyi_{module}_migrations</c>).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseTarget target, string module)
    {
        var history = $"__wuyi_{module}_migrations";
        _ = target.Provider switch
        {
            DatabaseProvider.PostgreSql => builder.UseNpgsql(Prepared(target.ConnectionString), o => o.MigrationsHistoryTable(history)),
            _ => builder.UseSqlite(target.ConnectionString, o => o.MigrationsHistoryTable(history)),
        };
        // A failed command is an exception its caller handles (a duplicate-key race retried) or lets through to the
        // request log as a 500; EF's own error lines would log every handled race as a failure.
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        return builder.UseSnakeCaseNamingConvention();
    }

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on (unless it says otherwise): the same few statements
    /// run for every person's action, and parsing and planning them again each time was a good part of PostgreSQL's
    /// work for one. Prepared statements live per pooled connection and survive its reset.
    /// </summary>
    internal static string Prepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    /// <summary>Options for design-time tools (dotnet ef) and tests that build a context by hand.</summary>
    public static DbContextOptions<TContext> For<TContext>(DatabaseTarget target, string module) where TContext : DbContext =>
        (DbContextOptions<TContext>)Configure(new DbContextOptionsBuilder<TContext>(), target, module).Options;
}
