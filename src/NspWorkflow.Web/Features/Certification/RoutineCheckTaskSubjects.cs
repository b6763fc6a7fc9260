using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// Routine checks as the subjects of tasks (kind <see cref="RoutineCheckNames.SubjectKind"/>, the check's id): the task
/// pages show the statistics and trainings reported; a form's change is made to the domain object (and the shelter) and
/// written to the tracked row with the step (its version gives one winner).
/// </summary>
public sealed class RoutineCheckTaskSubjects(NspDbContext db, RoutineChecks checks, TimeProvider time) : ITaskSubjects
{
    public string Kind => RoutineCheckNames.SubjectKind;

    public async Task<TaskSubject?> FindVisibleAsync(string key, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id) || await checks.FindVisibleAsync(id, user, cancellationToken) is not { } row)
            return null;
        var shelter = await db.Shelters.SingleAsync(s => s.Id == row.ShelterId, cancellationToken);
        var subject = new RoutineCheckSubject(row, RoutineCheckDocument.Read(row), shelter);
        return new TaskSubject(Kind, key, RoutineCheckNames.ReferenceOf(shelter.Name, row.Year), RoutineCheckNames.LinkOf(row.Id), row.ShelterId, subject);
    }

    public async Task<IReadOnlyDictionary<string, string>> ReferencesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Distinct().ToList();
        var rows = await db.RoutineChecks.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Shelters, c => c.ShelterId, s => s.Id, (c, s) => new { c.Id, c.Year, s.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id.ToString(), r => RoutineCheckNames.ReferenceOf(r.Name, r.Year));
    }

    public Task<SubjectFile?> FileOfAsync(TaskSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult<SubjectFile?>(new("/Features/Certification/Pages/_RoutineCheck.cshtml", (RoutineCheckSubject)subject.Item));

    public void Change(TaskSubject subject, Action<object> change)
    {
        var item = (RoutineCheckSubject)subject.Item;
        change(item);
        RoutineCheckDocument.Write(item.Check, item.Row, time.GetUtcNow());
    }

    /// <summary>Tracked in the unit of work: stored with the step, or by <see cref="SaveAsync"/> after a read.</summary>
    public void Audit(ClaimsPrincipal user, string action, TaskSubject subject, string? detail)
    {
        var row = ((RoutineCheckSubject)subject.Item).Row;
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow(), user.Actor(), action,
            $"routine check {row.Year.ToString(CultureInfo.InvariantCulture)}{(detail is null ? "" : ": " + detail)}"));
    }

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public void Discard() => db.ChangeTracker.Clear();
}
