namespace NspWorkflow.ScaleBench;

/// <summary>The invoice benchmark's figures as the README's tables (Markdown), one row per month built.</summary>
public static class InvoiceReport
{
    public static void Print(IReadOnlyList<(InvoiceFigures Job, InvoiceStages Stages)> runs)
    {
        Console.WriteLine();
        Console.WriteLine("| Month | Cases read | Active with days | Lines read | Bases | Lines | Total (SEK) | Job wall time | < 30 s | Allocated | Working set before | Peak working set |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var (job, stages) in runs)
        {
            var peak = Mb(job.PeakWorkingSet) + (job.PeakSinceStart ? " (since start)" : "");
            Console.WriteLine($"| {job.Month} | {stages.CasesRead} | {stages.ActiveInMonth} | {stages.LinesRead} | {job.Bases} | {job.Lines} | " +
                              $"{job.Total:N0} | {S(job.Elapsed)} | {(job.Elapsed.TotalSeconds < 30 ? "yes" : "**no**")} | {Mb(job.AllocatedBytes)} | " +
                              $"{Mb(job.WorkingSetBefore)} | {peak} |");
        }

        // The steps alone: what they sum to beside the job's wall time says what is left (the run row, the mails, the commit,
        // and a first run's start-up: compiling the queries and the code).
        Console.WriteLine();
        Console.WriteLine("| Month | Read cases | Read lines (chunks of 500) | Decrypt | JSON | Case.Restore | Builder | Add rows to context | SaveChanges | Sum | Job |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (job, s) in runs)
        {
            Step[] steps = [s.ReadCases, s.ReadLines, s.DecryptAndJson, s.Restore, s.Build, s.AddRows, s.SaveRows];
            var sum = $"{S(TimeSpan.FromTicks(steps.Sum(t => t.Time.Ticks)))}, {Mb(steps.Sum(t => t.Bytes))}";
            Console.WriteLine($"| {job.Month} | {Both(s.ReadCases)} | {Both(s.ReadLines)} | {Both(s.Decrypt)} | " +
                              $"{S(s.DecryptAndJson.Time - s.Decrypt.Time)}, {Mb(s.DecryptAndJson.Bytes - s.Decrypt.Bytes)} | {Both(s.Restore)} | " +
                              $"{Both(s.Build)} | {Both(s.AddRows)} | {Both(s.SaveRows)} | {sum} | {S(job.Elapsed)}, {Mb(job.AllocatedBytes)} |");
            if (s.LinesBuilt != job.Lines)
                Console.WriteLine($"  (the steps alone built {s.LinesBuilt} lines, the job {job.Lines})");
        }
    }

    private static string Both(Step step) => $"{S(step.Time)}, {Mb(step.Bytes)}";

    private static string S(TimeSpan t) => $"{t.TotalSeconds:F2} s";

    private static string Mb(long bytes) => $"{bytes / 1024d / 1024d:F0} MB";
}
