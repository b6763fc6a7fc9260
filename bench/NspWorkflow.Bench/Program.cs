using NspWorkflow.Bench;

// NSP Workflow engine benchmark. See the README's Benchmarks section for how to run it and the latest figures.
var options = BenchOptions.Parse(args);
var sqlitePath = Path.Combine(Path.GetTempPath(), $"nsp-bench-{Guid.NewGuid():N}.db");
Console.WriteLine($"NSP Workflow benchmark: {options.Provider}, {options.Duration.TotalSeconds:F0} s per measurement, clients {string.Join(",", options.Clients)}");

var raw = RawUpdateBenchmark.For(options, sqlitePath);
await raw.PrepareAsync();
foreach (var clients in options.Clients)
{
    var rate = await raw.RunAsync(clients, options.Duration);
    Console.WriteLine($"raw single-row UPDATE transactions, {clients} client(s): {rate}");
}

if (File.Exists(sqlitePath))
    File.Delete(sqlitePath);
