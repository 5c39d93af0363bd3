namespace Wuyi.Runtime.Scheduling;

/// <summary>The recurring scheduler's settings, section <c>Wuyi:Scheduling</c>.</summary>
public sealed class RuntimeSchedulingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:Scheduling";

    /// <summary>How often the maintenance job runs (one node of the cluster per firing).</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a node records in <c>qrtz_scheduler_state</c> that it is alive.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long past a missed check-in the other nodes wait before taking over a node's triggers.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many jobs one node runs at once; recurring maintenance needs few.</summary>
    public int MaxConcurrency { get; set; } = 2;
}
