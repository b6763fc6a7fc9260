namespace NspWorkflow.Data.Cases;

/// <summary>
/// The last case number given out in a year (<c>NSP-2026-0042</c>: 42). An application takes the next number by
/// incrementing this row in the transaction that stores its case: the row lock (PostgreSQL, SQL Server) or the write lock
/// (SQLite) makes simultaneous applications wait for each other instead of picking the same number, and a rolled-back
/// application gives its number back. A year's row is made at its first application, from the highest number its cases
/// already have, so a database from before the counter continues its numbering.
/// </summary>
public sealed class CaseReferenceCounterRow
{
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
