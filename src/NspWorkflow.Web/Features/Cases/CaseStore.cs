using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Cases;
using NspWorkflow.Data.Reports;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>Cases on the scoped <see cref="NspDbContext"/>: rows tracked, so they save with the unit of work (a workflow step).</summary>
public sealed class CaseStore(NspDbContext db, CaseFileProtector files, TariffSchedule tariffs)
{
    public async Task<(CaseRow Row, Case Case)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Cases.FindAsync([id], cancellationToken);
        return row is null ? null : (row, Restore(row));
    }

    /// <summary>For service-task handlers, which run synchronously inside a step.</summary>
    public (CaseRow Row, Case Case)? Find(Guid id) => db.Cases.Find(id) is { } row ? (row, Restore(row)) : null;

    public CaseRow Add(Case @case, DateTimeOffset now)
    {
        var row = new CaseRow { Id = @case.Id, CreatedAt = now };
        Write(row, @case, now);
        db.Cases.Add(row);
        // What the reports count, outside the case file, stored with the case.
        CaseReportFacts.Add(db, @case);
        return row;
    }

    /// <summary>Copies the case into its row; a new version, so a concurrent change of the same case loses.</summary>
    public void Write(CaseRow row, Case @case, DateTimeOffset now)
    {
        row.Reference = @case.Reference;
        row.ShelterId = @case.ShelterId;
        row.Status = @case.Status;
        row.Outcome = @case.Outcome;
        row.PlacementDate = @case.Application.PlacementDate;
        row.UpdatedAt = now;
        row.Version = Guid.NewGuid();
        row.ProtectedData = files.Protect(@case.ToSnapshot());
    }

    /// <summary>The next free number of the year; the unique index refuses a number taken meanwhile (the caller retries).</summary>
    public async Task<string> NextReferenceAsync(int year, CancellationToken cancellationToken)
    {
        var prefix = CaseReference.YearPrefix(year);
        var references = await db.Cases.AsNoTracking().Where(c => c.Reference.StartsWith(prefix))
            .Select(c => c.Reference).ToListAsync(cancellationToken);
        return CaseReference.Format(year, references.Select(r => CaseReference.NumberOf(r, year)).DefaultIfEmpty(0).Max() + 1);
    }

    /// <summary>The case as its row stores it.</summary>
    public Case Restore(CaseRow row) => Case.Restore(files.Unprotect(row.ProtectedData), tariffs);
}
