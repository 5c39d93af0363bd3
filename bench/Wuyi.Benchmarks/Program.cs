using BenchmarkDotNet.Running;
using Wuyi.Benchmarks;

// `dotnet run -c Release --project bench/Wuyi.Benchmarks -- --filter '*'`; figures go to docs/benchmarks.md.
// `-- --compare [--scenario NAME] [--instances N] [--rounds R] [--breakdown]` (NAME: bench/models/NAME.scenario.json): the plain
// Stopwatch loop that bench/run-engine-bench.sh runs side by side with bench/peer (bpmn-engine).
if (args.Length > 0 && args[0] == "--compare") return CompareMode.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
