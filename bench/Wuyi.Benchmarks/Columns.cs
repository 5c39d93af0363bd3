using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Wuyi.Benchmarks.Scenario;
using Wuyi.Engine.State;

namespace Wuyi.Benchmarks;

/// <summary>Base for the two computed columns: they read the model named by the benchmark's Model parameter.</summary>
public abstract class ModelColumn : IColumn
{
    public abstract string Id { get; }
    public abstract string ColumnName { get; }
    public abstract string Legend { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Parameters["Model"] is not string name) return "-";
        return Value(summary, benchmarkCase, BenchModel.Load(name));
    }

    protected abstract string Value(Summary summary, BenchmarkCase benchmarkCase, BenchModel model);

    protected static string Format(double value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Stimuli applied per second by the instance benchmark: stimuli per instance ÷ mean time per instance.</summary>
public sealed class StepsPerSecondColumn : ModelColumn
{
    public override string Id => "StepsPerSecond";
    public override string ColumnName => "Steps/s";
    public override string Legend => "Stimuli applied per second (start not counted), single thread: stimuli per instance / Mean";

    protected override string Value(Summary summary, BenchmarkCase benchmarkCase, BenchModel model)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(EngineBenchmarks.RunInstance)) return "-";
        if (summary[benchmarkCase]?.ResultStatistics?.Mean is not { } meanNs) return "?";
        var steps = ScenarioDriver.RunChecked(model);
        return $"{Format(steps * 1e9 / meanNs)} ({steps}/inst)";
    }
}

/// <summary>Bytes of a waiting instance (after start, at its first user task) serialised by InstanceStateJson.</summary>
public sealed class WaitingStateBytesColumn : ModelColumn
{
    public override string Id => "WaitingBytes";
    public override string ColumnName => "WaitingBytes";
    public override string Legend => "Size in bytes of the serialised waiting instance (at its first user task); not a time";

    protected override string Value(Summary summary, BenchmarkCase benchmarkCase, BenchModel model) =>
        Format(InstanceStateJson.SerializeToUtf8Bytes(ScenarioDriver.WaitingAtFirstUserTask(model, ScenarioDriver.UuidLikeInstanceId)).Length);
}
