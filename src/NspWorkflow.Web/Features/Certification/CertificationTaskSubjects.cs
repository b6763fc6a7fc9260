using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// Certifications as the subjects of tasks (kind <see cref="CertificationNames.SubjectKind"/>, the certification's id): the
/// task pages show the questionnaire, the visit and the action plan; a form's change is made to the domain object and
/// written to the tracked row with the step (its version gives one winner).
/// </summary>
public sealed class CertificationTaskSubjects(NspDbContext db, Certifications certifications, RequirementCatalogs catalogs, TimeProvider time) : ITaskSubjects
{
    public string Kind => CertificationNames.SubjectKind;

    public async Task<TaskSubject?> FindVisibleAsync(string key, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id) || await certifications.FindVisibleAsync(id, user, cancellationToken) is not { } row)
            return null;
        var shelter = await db.Shelters.SingleAsync(s => s.Id == row.ShelterId, cancellationToken);
        var requirements = await catalogs.ForYearAsync(row.RequirementsYear, cancellationToken);
        var subject = new CertificationSubject(row, CertificationDocument.Read(row), requirements, shelter);
        return new TaskSubject(Kind, key, CertificationNames.ReferenceOf(shelter.Name, row.RequirementsYear), $"/certification/{row.Id}", row.ShelterId, subject);
    }

    public async Task<IReadOnlyDictionary<string, string>> ReferencesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Distinct().ToList();
        var rows = await db.Certifications.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Shelters, c => c.ShelterId, s => s.Id, (c, s) => new { c.Id, c.RequirementsYear, s.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id.ToString(), r => CertificationNames.ReferenceOf(r.Name, r.RequirementsYear));
    }

    public Task<SubjectFile?> FileOfAsync(TaskSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult<SubjectFile?>(new("/Features/Certification/Pages/_Certification.cshtml", (CertificationSubject)subject.Item));

    public void Change(TaskSubject subject, Action<object> change)
    {
        var item = (CertificationSubject)subject.Item;
        change(item);
        CertificationDocument.Write(item.Certification, item.Row, time.GetUtcNow());
    }

    /// <summary>Tracked in the unit of work: stored with the step, or by <see cref="SaveAsync"/> after a read.</summary>
    public void Audit(ClaimsPrincipal user, string action, TaskSubject subject, string? detail)
    {
        var row = ((CertificationSubject)subject.Item).Row;
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow(), user.Actor(), action,
            $"certification {row.RequirementsYear.ToString(CultureInfo.InvariantCulture)}{(detail is null ? "" : ": " + detail)}"));
    }

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public void Discard() => db.ChangeTracker.Clear();
}
