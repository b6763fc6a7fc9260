using System.Diagnostics;

namespace NspWorkflow.Bench;

/// <summary>
/// How many operations ran, in how long, how long one took (p50, p95), and the benchmark process's CPU time per
/// operation (all threads: on a shared machine a steadier figure than the rate; the database server's CPU is not in it),
/// and the bytes it allocated per operation (the garbage the collector must clear: the steadiest figure of all).
/// </summary>
public sealed record Measurement(int Operations, TimeSpan Elapsed, TimeSpan P50, TimeSpan P95, TimeSpan CpuPerOperation,
    double BytesPerOperation)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>
    /// Runs <paramref name="operation"/> from <paramref name="clients"/> concurrent loops until the time is up,
    /// timing each call; every client works on its own slice (the index it is given).
    /// </summary>
    public static Task<Measurement> RunAsync(int clients, TimeSpan duration, Func<int, long, Task> operation) =>
        MeasureAsync(clients, async (client, total, mine) =>
        {
            for (long i = 0; total.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(client, i);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

    /// <summary>Runs <paramref name="operation"/> once per item, the items shared out among concurrent clients.</summary>
    public static Task<Measurement> RunItemsAsync<T>(int clients, IReadOnlyList<T> items, Func<T, Task> operation) =>
        MeasureAsync(clients, async (client, _, mine) =>
        {
            for (var i = client; i < items.Count; i += clients)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(items[i]);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

    /// <summary>
    /// Runs <paramref name="client"/> once per client concurrently (given its number, the run's stopwatch and the list
    /// for its call times) and measures the whole: elapsed time, the process's CPU time and its allocated bytes.
    /// </summary>
    private static async Task<Measurement> MeasureAsync(int clients, Func<int, Stopwatch, List<double>, Task> client)
    {
        var samples = new List<double>[clients];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(index => Task.Run(() => client(index, total, samples[index] = []))));
        total.Stop();
        return Of(samples, total.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes() - allocated);
    }

    /// <summary>
    /// Runs <paramref name="first"/> and <paramref name="second"/> alternately, once per item, from concurrent clients,
    /// timing each call: both see the same moments of a shared machine's load. Each rate is the concurrency over the
    /// mean time of one call (Little's law), i.e. the rate those clients would reach doing only that operation.
    /// </summary>
    public static async Task<(Measurement First, Measurement Second)> RunAlternatelyAsync<T>(int clients, IReadOnlyList<T> items,
        Func<T, Task> first, Func<int, long, Task> second)
    {
        var a = new List<double>[clients];
        var b = new List<double>[clients];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var (mineA, mineB) = (a[client] = [], b[client] = []);
            for (var i = client; i < items.Count; i += clients)
            {
                var started = Stopwatch.GetTimestamp();
                await first(items[i]);
                mineA.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                await second(client, i);
                mineB.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        total.Stop();
        return (Busy(a, clients), Busy(b, clients));

        static Measurement Busy(List<double>[] samples, int clients) =>
            Of(samples, TimeSpan.FromMilliseconds(samples.Sum(s => s.Sum()) / clients), TimeSpan.Zero, 0);
    }

    private static Measurement Of(List<double>[] samples, TimeSpan elapsed, TimeSpan cpu, long allocated)
    {
        var all = samples.SelectMany(s => s).Order().ToArray();
        return new Measurement(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.95),
            all.Length == 0 ? TimeSpan.Zero : cpu / all.Length, all.Length == 0 ? 0 : (double)allocated / all.Length);
    }

    private static TimeSpan Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))]);

    public override string ToString() =>
        $"{PerSecond,9:F0}/s  p50 {P50.TotalMilliseconds,7:F2} ms  p95 {P95.TotalMilliseconds,7:F2} ms  " +
        (CpuPerOperation > TimeSpan.Zero ? $"cpu {CpuPerOperation.TotalMilliseconds,5:F2} ms/op  " : "") +
        (BytesPerOperation > 0 ? $"alloc {BytesPerOperation / 1024,5:F1} KB/op  " : "") +
        $"({Operations} in {Elapsed.TotalSeconds:F1} s)";
}
