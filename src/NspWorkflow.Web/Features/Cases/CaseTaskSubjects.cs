using System.Security.Claims;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Cases.Timeline;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// Cases as the subjects of tasks (business key kind <see cref="Kind"/>, the case id): visible to whoever may read the
/// case, called by its pseudonymous reference, changed and audited in the request's <see cref="CaseWorkspace"/>.
/// </summary>
public sealed class CaseTaskSubjects(NspDbContext db, CaseWorkspace workspace, TariffSchedule tariffs, CaseTimeline timeline, TimeProvider time)
    : ITaskSubjects
{
    /// <summary>The kind the case pathways give their instances' business key.</summary>
    public const string CaseKind = "case";

    public string Kind => CaseKind;

    public async Task<TaskSubject?> FindVisibleAsync(string key, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id))
            return null;
        var found = await workspace.LoadAsync(id, cancellationToken);
        return found is not null && CaseAccess.CanRead(user, found)
            ? new TaskSubject(Kind, key, found.Reference, $"/cases/{found.Id}", found.ShelterId, found)
            : null;
    }

    public async Task<IReadOnlyDictionary<string, string>> ReferencesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        await CaseReferences.ByBusinessKeyAsync(db, keys, cancellationToken);

    /// <summary>
    /// The case file (the shelter, the application, the period asked for; the task page lists no other tasks) and the
    /// case's timeline, so a decision is taken knowing the earlier ones and who took them.
    /// </summary>
    public async Task<SubjectFile?> FileOfAsync(TaskSubject subject, CancellationToken cancellationToken)
    {
        var found = (Case)subject.Item;
        var details = CaseDetails.From(found, tariffs, [])
            .WithShelter(await CaseReferences.ShelterAsync(db, found.ShelterId, cancellationToken), SwedishCalendar.Today(time));
        return new("/Features/Cases/Pages/_CaseTaskFile.cshtml", new CaseTaskFile(details, await timeline.BuildAsync(found.Id, cancellationToken)));
    }

    public void Change(TaskSubject subject, Action<object> change) => workspace.Change(((Case)subject.Item).Id, c => change(c));

    public void Audit(ClaimsPrincipal user, string action, TaskSubject subject, string? detail) =>
        workspace.Audit(CaseAccess.Actor(user), action, (Case)subject.Item, detail);

    public Task SaveAsync(CancellationToken cancellationToken) => workspace.SaveAsync(cancellationToken);

    public void Discard() => workspace.Discard();
}
