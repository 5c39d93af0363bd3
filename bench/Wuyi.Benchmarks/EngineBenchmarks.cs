using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Wuyi.Benchmarks.Scenario;
using Wuyi.Engine.State;

namespace Wuyi.Benchmarks;

/// <summary>
/// The engine on a certification-shaped model: one instance started and driven to its end (the unit of
/// work; the Steps/s column divides the stimuli it applies by the mean), and the waiting state — stored
/// by the runtime after every step — serialised, read back, and both. The WaitingBytes column is the size
/// of that state, not a time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EngineBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new StepsPerSecondColumn(), new WaitingStateBytesColumn());
            // A busy shared machine builds the generated project slowly; BenchmarkDotNet's default is 2 minutes.
            WithBuildTimeout(TimeSpan.FromMinutes(10));
            WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithMaxParameterColumnWidth(40));
        }
    }

    private BenchModel _model = null!;
    private InstanceState _waiting = null!;
    private string _waitingJson = null!;
    private int _counter;

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = BenchModel.Synthetic;

    public static IEnumerable<string> Models() => BenchModel.Available();

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchModel.Load(Model);
        _waiting = ScenarioDriver.WaitingAtFirstUserTask(_model, ScenarioDriver.UuidLikeInstanceId);
        _waitingJson = InstanceStateJson.Serialize(_waiting);
    }

    /// <summary>Start + every stimulus to the end; returns the stimuli applied.</summary>
    [Benchmark(Description = "Instance start→end")]
    public int RunInstance() => ScenarioDriver.Run(_model, "bench-" + (++_counter & 1023));

    [Benchmark(Description = "Waiting state → JSON")]
    public byte[] SerializeWaiting() => InstanceStateJson.SerializeToUtf8Bytes(_waiting);

    [Benchmark(Description = "JSON → waiting state")]
    public InstanceState DeserializeWaiting() => InstanceStateJson.Deserialize(_waitingJson);

    [Benchmark(Description = "Waiting state JSON round trip")]
    public InstanceState RoundTripWaiting() =>
        InstanceStateJson.Deserialize(System.Text.Encoding.UTF8.GetString(InstanceStateJson.SerializeToUtf8Bytes(_waiting)));
}
