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

    /// <summary><c>system</c> (the default) or <c>manual</c>: time stands still until <c>POST /api/clock/advance</c> moves it.</summary>
    public string Clock { get; set; } = "system";

    /// <summary>Where a manual clock starts (default 2022-08-24T00:00+08:00, the programme's publication).</summary>
    public DateTimeOffset? ManualClockStart { get; set; }

    /// <summary>A folder that replaces the shipped content (models, forms, mail templates, calendars) built into the
    /// executable; empty for the built-in content.</summary>
    public string? WorkflowsDirectory { get; set; }

    /// <summary>Whether <c>serve</c> applies pending migrations and seeds the regions at start-up.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Whether <c>serve</c> seeds demo certifications when there is none yet (<see cref="DemoCertifications"/>); unset:
    /// only on the embedded default database, never on one given with <c>--db</c>.
    /// </summary>
    public bool? Demo { get; set; }

    /// <summary>Whether the demo is seeded, as <see cref="Demo"/> says or its default.</summary>
    public bool SeedsDemo => Demo ?? string.IsNullOrWhiteSpace(Database);

    /// <summary>
    /// A process id whose end stops this service (e.g. the test host or a supervisor that started it): a child left behind
    /// when its starter is killed stops itself instead of holding a port and a folder. Empty: runs until told to stop.
    /// </summary>
    public int? StopWhenProcessEnds { get; set; }

    /// <summary>OpenTelemetry export (section <c>Wuyi:Telemetry</c>), off by default.</summary>
    public TelemetrySettings Telemetry { get; set; } = new();
}
