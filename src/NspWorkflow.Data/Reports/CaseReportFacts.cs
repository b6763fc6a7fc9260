using Microsoft.EntityFrameworkCore;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Invoicing;

namespace NspWorkflow.Data.Reports;

/// <summary>
/// Keeps a case's report rows (<see cref="CaseReportFactsRow"/>, <see cref="CaseReportPointInterventionRow"/>) equal to the
/// case, on the unit of work that stores the case: the case store calls it with every write of a case.
/// </summary>
public static class CaseReportFacts
{
    /// <summary>The rows of a case new to the database (nothing stored to read).</summary>
    public static void Add(NspDbContext db, Case @case)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.CaseReportFacts.Add(new CaseReportFactsRow().CopyFrom(@case));
        db.CaseReportPointInterventions.AddRange(PointInterventions(@case));
    }

    /// <summary>The rows of a stored case, changed to what it is now (added when it has none: a case from before them).</summary>
    public static async Task WriteAsync(NspDbContext db, Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        var facts = await db.CaseReportFacts.FindAsync([@case.Id], cancellationToken);
        if (facts is null)
            db.CaseReportFacts.Add(new CaseReportFactsRow().CopyFrom(@case));
        else
            facts.CopyFrom(@case);

        var now = PointInterventions(@case).ToDictionary(p => p.Id);
        await db.CaseReportPointInterventions.Where(p => p.CaseId == @case.Id).LoadAsync(cancellationToken);
        // The stored rows and any added in this unit of work and not yet saved (tracked: Local holds both).
        foreach (var row in db.CaseReportPointInterventions.Local.Where(p => p.CaseId == @case.Id).ToList())
        {
            if (now.Remove(row.Id, out var current))
                (row.Date, row.Amount) = (current.Date, current.Amount);
            else
                db.CaseReportPointInterventions.Remove(row);
        }
        db.CaseReportPointInterventions.AddRange(now.Values);
    }

    private static IEnumerable<CaseReportPointInterventionRow> PointInterventions(Case @case) =>
        InvoiceCase.Of(@case).PointInterventions.Select(p => new CaseReportPointInterventionRow { Id = p.Id, CaseId = @case.Id, Date = p.Date, Amount = p.Amount });
}
