namespace Wuyi.Runtime.Persistence;

/// <summary>
/// The tables one module owns (the runtime's, the certification domain's), with the migrations that
/// make them. Each module keeps its own migration history, so modules evolve independently.
/// </summary>
public interface IModuleDatabase
{
    /// <summary>The module's name, for logs and readiness reports.</summary>
    string Module { get; }

    /// <summary>Applies every pending migration; applying twice does nothing the second time.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The migrations not yet applied.</summary>
    Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken);
}
