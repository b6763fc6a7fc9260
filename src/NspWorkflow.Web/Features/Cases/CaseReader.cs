using System.Security.Claims;
using NspWorkflow.Data;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Api;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>A point intervention's receipt as it is sent to whoever reads it.</summary>
public sealed record CaseReceipt(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Reading one case, and a receipt of it, for the API and the case page alike: only for whoever may see the case (null
/// otherwise, as for an unknown id), with its open tasks, and audited.
/// </summary>
public sealed class CaseReader(TaskQueries tasks, CaseWorkspace workspace, TariffSchedule tariffs, ReceiptStore receipts, NspDbContext db,
    TimeProvider time)
{
    /// <summary>
    /// The case, or null when there is none the user may see; <see cref="CaseErasedException"/> (reference and day only)
    /// when its personal data was erased and the user may see it.
    /// </summary>
    public async Task<CaseDetails?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        Domain.Cases.Case? found;
        try
        {
            found = await workspace.LoadAsync(id, cancellationToken);
        }
        catch (CaseErasedException erased) when (!CaseAccess.CanRead(user, erased.ShelterId))
        {
            return null;
        }

        if (found is null || !CaseAccess.CanRead(user, found))
            return null;

        var open = await tasks.OpenOfAsync(CaseTaskSubjects.CaseKind, id.ToString(), cancellationToken);
        workspace.Audit(CaseAccess.Actor(user), "case.read", found);
        await workspace.SaveAsync(cancellationToken);
        return CaseDetails.From(found, tariffs, [.. open.Select(t => TaskResponse.From(t, found.Reference))])
            .WithShelter(await CaseReferences.ShelterAsync(db, found.ShelterId, cancellationToken), SwedishCalendar.Today(time));
    }

    /// <summary>The receipt of one of the case's point interventions; null when there is none or the user may not read the case.</summary>
    public async Task<CaseReceipt?> ReadReceiptAsync(Guid caseId, Guid pointInterventionId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        Domain.Cases.Case? found;
        try
        {
            found = await workspace.LoadAsync(caseId, cancellationToken);
        }
        catch (CaseErasedException)
        {
            // Its receipts were erased with it.
            return null;
        }

        var intervention = found?.PointInterventions.FirstOrDefault(p => p.Id == pointInterventionId);
        if (found is null || !CaseAccess.CanRead(user, found)
            || ReceiptKind.FromReference(intervention?.Details.ReceiptReference) is not { } kind
            || await receipts.LoadAsync(pointInterventionId, cancellationToken) is not { } content)
            return null;

        workspace.Audit(CaseAccess.Actor(user), "case.receipt.read", found, kind.Extension);
        await workspace.SaveAsync(cancellationToken);
        return new CaseReceipt(content, kind.ContentType, $"kvitto-{found.Reference}.{kind.Extension}");
    }
}
