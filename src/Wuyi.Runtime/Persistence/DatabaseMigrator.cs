using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wuyi.Runtime.Persistence;

/// <summary>Brings every module's tables up to date, and tells whether they are.</summary>
public sealed class DatabaseMigrator(DatabaseTarget target, IEnumerable<IModuleDatabase> modules, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Applies every module's pending migrations, in registration order (the runtime's first).</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await GuardAsync(async () =>
        {
            if (target.Provider == DatabaseProvider.Sqlite)
                await PrepareSqliteAsync(cancellationToken);
            foreach (var module in modules)
            {
                var pending = await module.PendingMigrationsAsync(cancellationToken);
                if (pending.Count == 0)
                    continue;
                logger.LogInformation("Applying {Count} migration(s) of {Module} to {Database}", pending.Count, module.Module, target.Description);
                await module.MigrateAsync(cancellationToken);
            }
            return 0;
        });
    }

    /// <summary>The modules with migrations not yet applied, by name; empty when the schema is current.</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or opened.</exception>
    public Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken) => GuardAsync<IReadOnlyList<string>>(async () =>
    {
        var pending = new List<string>();
        foreach (var module in modules)
            if ((await module.PendingMigrationsAsync(cancellationToken)).Count > 0)
                pending.Add(module.Module);
        return pending;
    });

    // WAL lets readers (health checks, the console) run while a stimulus commits; it is a property of
    // the file, so setting it once is enough. The folder is created so that a fresh machine just works.
    private async Task PrepareSqliteAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException e) when (e is not PostgresException || IsConnectionFailure((PostgresException)e))
        {
            throw new DatabaseUnavailableException($"Cannot reach {target.Description}: {Innermost(e).Message}", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14 or 26 or 10)
        {
            // 14 CANTOPEN, 26 NOTADB, 10 IOERR: the file or its folder is the problem, not the schema.
            throw new DatabaseUnavailableException($"Cannot open {target.Description}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DatabaseUnavailableException($"Cannot open {target.Description}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new DatabaseUnavailableException($"Cannot open {target.Description}: {e.Message}", e);
        }
    }

    // 28xxx: authentication; 3D000: no such database.
    private static bool IsConnectionFailure(PostgresException e) => e.SqlState.StartsWith("28", StringComparison.Ordinal) || e.SqlState == "3D000";

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null and not SocketException)
            e = e.InnerException;
        return e.InnerException ?? e;
    }
}
