using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Chorus.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
