namespace Wuyi.Server.Hosting;

/// <summary>The service's settings, section <c>Wuyi</c> (environment: <c>Wuyi__Database</c>, …; flags win).</summary>
public sealed class WuyiSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi";

    /// <summary>A <c>postgresql://</c> URL, an Npgsql connection string, or <c>sqlite:PATH</c>; empty for the embedded default.</summary>
    public string? Database { get; set; }

    /// <summary>The folder of the embedded database and other local files.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Whether <c>serve</c> applies pending migrations and seeds the regions at start-up.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
