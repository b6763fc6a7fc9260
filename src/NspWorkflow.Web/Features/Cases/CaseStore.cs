using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NspWorkflow.Data;
using NspWorkflow.Data.Cases;
using NspWorkflow.Data.Reports;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Infrastructure.Hosting;

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
        // The day it first closed (a case closed with MMM may still take point interventions): retention counts from it.
        row.ClosedOn = @case.Status == CaseStatus.Closed ? row.ClosedOn ?? DateOnly.FromDateTime(SwedishCalendar.ToSwedish(now).DateTime) : null;
        row.UpdatedAt = now;
        row.Version = Guid.NewGuid();
        row.ProtectedData = files.Protect(@case.ToSnapshot());
    }

    /// <summary>
    /// The year's next reference, taken from its counter row in the open transaction that stores the case: the increment
    /// locks the row until that transaction ends, so a simultaneous application waits and takes the number after, and a
    /// rollback gives the number back. A year without a row starts from the highest number its cases have (a database
    /// from before the counter, or the year's first case); of two first applications racing to make the row one makes
    /// it and the other, refused by its key, increments it.
    /// </summary>
    public async Task<string> NextReferenceAsync(int year, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A case reference is taken in the transaction that stores its case.");
        var counters = db.CaseReferenceCounters.Where(c => c.Year == year);
        for (var attempt = 1; ; attempt++)
        {
            if (await counters.ExecuteUpdateAsync(set => set.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken) == 1)
                return CaseReference.Format(year, await counters.Select(c => c.LastNumber).SingleAsync(cancellationToken));

            var prefix = CaseReference.YearPrefix(year);
            var references = await db.Cases.AsNoTracking().Where(c => c.Reference.StartsWith(prefix))
                .Select(c => c.Reference).ToListAsync(cancellationToken);
            var next = references.Select(r => CaseReference.NumberOf(r, year)).DefaultIfEmpty(0).Max() + 1;

            // PostgreSQL refuses every statement after an error until the transaction rolls back: the savepoint limits it
            // to the insert.
            const string savepoint = "case_reference_counter";
            await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync(InsertCounterSql(), [year, next], cancellationToken);
                await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
                return CaseReference.Format(year, next);
            }
            catch (DbException) when (attempt < 3)
            {
                // Another application made the year's row meanwhile: increment it.
                await transaction.RollbackToSavepointAsync(savepoint, CancellationToken.None);
            }
        }
    }

    /// <summary>The counter's INSERT, with the names quoted as the provider quotes them.</summary>
    private string InsertCounterSql()
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(CaseReferenceCounterRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(CaseReferenceCounterRow.Year))}, "
            + $"{Column(nameof(CaseReferenceCounterRow.LastNumber))}) VALUES ({{0}}, {{1}})";
    }

    /// <summary>The case as its row stores it; <see cref="CaseErasedException"/> when its personal data was erased.</summary>
    public Case Restore(CaseRow row) => row.ErasedAt is { } erasedAt
        ? throw new CaseErasedException(row.Id, row.Reference, row.ShelterId, erasedAt)
        : Case.Restore(files.Unprotect(row.ProtectedData), tariffs);
}
