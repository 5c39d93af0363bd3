namespace Wuyi.Runtime;

/// <summary>Runtime settings, section <c>Wuyi:Runtime</c>.</summary>
public sealed class RuntimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:Runtime";

    /// <summary>How long a message that found no wait is kept (Zeebe's default is one hour).</summary>
    public TimeSpan MessageTimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many times a service handler is tried before its task becomes an incident.</summary>
    public int ServiceAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; each later one doubles it.</summary>
    public TimeSpan ServiceRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node holds a claimed timer or outbox row before others may take it over.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many waits one fan-out or timer batch takes at a time.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// With a manual clock: whether every operation first reads the shared time from the database (another node may have
    /// advanced it). One node alone (the bench) may turn it off; advances and background rounds read it regardless.
    /// </summary>
    public bool SyncManualClockPerOperation { get; set; } = true;

    /// <summary>How often the background loops look for due timers and pending outbox rows (real time).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
