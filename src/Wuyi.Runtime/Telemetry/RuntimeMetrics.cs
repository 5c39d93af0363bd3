using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wuyi.Runtime.Telemetry;

/// <summary>
/// The runtime's own metrics and traces (meter and activity source <c>Wuyi.Runtime</c>). Recording costs next to
/// nothing while no listener is attached, so the runtime records unconditionally and the host decides whether to
/// export (<c>Wuyi:Telemetry</c>). Static, so that recording stays one line where it happens.
/// </summary>
public static class RuntimeMetrics
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Wuyi.Runtime";

    private static readonly Meter Meter = new(Name);

    /// <summary>Traces of the runtime's operations (a batch of transitions, a fan-out).</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Starts and stimuli applied to an instance and committed.</summary>
    public static readonly Counter<long> Transitions = Meter.CreateCounter<long>("wuyi.transitions", "{transition}",
        "Transitions (starts and stimuli applied) committed");

    /// <summary>How many instances one batch (one transaction) advanced.</summary>
    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("wuyi.batch.size", "{instance}",
        "Instances advanced by one batch (one transaction)");

    /// <summary>Instances a message fan-out or broadcast has reached so far.</summary>
    public static readonly Counter<long> FanOutReached = Meter.CreateCounter<long>("wuyi.fanout.reached", "{instance}",
        "Instances reached by message fan-outs and broadcasts");

    /// <summary>How late a timer fired after it was due.</summary>
    public static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>("wuyi.timer.lag", "s",
        "Seconds between a timer's due time and its firing");

    /// <summary>Incidents raised (an instance that needs a person).</summary>
    public static readonly Counter<long> Incidents = Meter.CreateCounter<long>("wuyi.incidents", "{incident}",
        "Incidents raised");

    /// <summary>Records a committed batch (one transaction) of <paramref name="count"/> transitions.</summary>
    public static void Committed(int count)
    {
        Transitions.Add(count);
        BatchSize.Record(count);
    }
}
