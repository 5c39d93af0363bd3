using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Wuyi.Benchmarks -- --filter '*'`; figures go to docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
