using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Certification;

public abstract record CertificationActionResult
{
    private CertificationActionResult() { }

    public sealed record Done : CertificationActionResult;

    public sealed record NotFound : CertificationActionResult;

    public sealed record Forbidden : CertificationActionResult;

    /// <summary>Someone changed the certification since the page was shown: nothing was stored.</summary>
    public sealed record Conflict : CertificationActionResult;

    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : CertificationActionResult;
}

/// <summary>
/// The action plan between the visit and the grant: the shelter reports an action done (a comment and, if it has one, a
/// file stored encrypted like receipts), the coordinator accepts or reopens it. Each change is made on the version the page
/// showed: of two at once one is stored and the other told. The plan's tasks in the process wait for the grant meanwhile.
/// </summary>
public sealed class CertificationActions(NspDbContext db, Certifications certifications, ReceiptStore files, TimeProvider time)
{
    public async Task<CertificationActionResult> ReportDoneAsync(Guid id, Guid actionId, string? comment, byte[]? file, Guid version, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        string? reference = null;
        if (file is { Length: > 0 })
        {
            if (file.Length > ReceiptStore.MaxBytes || ReceiptKind.Of(file) is not { } kind)
                return new CertificationActionResult.Refused([new("file", RuleViolationCode.Invalid)]);
            reference = ReceiptStore.ReferenceOf(kind);
        }

        return await ChangeAsync(id, version, user, row => user.IsShelterOf(row.ShelterId), async (certification, row) =>
        {
            certification.ReportDone(actionId, comment ?? "", reference);
            // The file under the action's id, before the row: a report that then fails leaves a file nothing names.
            if (reference is not null)
                await files.SaveAsync(actionId, file!, cancellationToken);
            return "certification.action-reported";
        }, cancellationToken);
    }

    public Task<CertificationActionResult> AcceptAsync(Guid id, Guid actionId, Guid version, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, user, _ => user.IsInRole(Roles.Coordinator), (certification, _) =>
        {
            certification.AcceptAction(actionId);
            return Task.FromResult("certification.action-accepted");
        }, cancellationToken);

    public Task<CertificationActionResult> ReopenAsync(Guid id, Guid actionId, string? comment, DateOnly? deadline, Guid version, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, version, user, _ => user.IsInRole(Roles.Coordinator), (certification, _) =>
        {
            certification.ReopenAction(actionId, comment ?? "", deadline, SwedishCalendar.Today(time));
            return Task.FromResult("certification.action-reopened");
        }, cancellationToken);

    /// <summary>The file a shelter attached to an action's report, for whoever may see the certification.</summary>
    public async Task<(byte[] Content, ReceiptKind Kind)?> ReportFileAsync(Guid id, Guid actionId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await certifications.FindVisibleAsync(id, user, cancellationToken) is not { } row
            || CertificationDocument.Read(row).ActionPlan.SingleOrDefault(a => a.Id == actionId) is not { ReportFile: { } reference }
            || ReceiptKind.FromReference(reference) is not { } kind
            || await files.LoadAsync(actionId, cancellationToken) is not { } content)
            return null;
        return (content, kind);
    }

    private async Task<CertificationActionResult> ChangeAsync(Guid id, Guid version, ClaimsPrincipal user, Func<CertificationRow, bool> mayChange,
        Func<ShelterCertification, CertificationRow, Task<string>> change, CancellationToken cancellationToken)
    {
        if (await certifications.FindVisibleAsync(id, user, cancellationToken) is not { } row)
            return new CertificationActionResult.NotFound();
        if (!mayChange(row))
            return new CertificationActionResult.Forbidden();
        if (row.Version != version)
            return new CertificationActionResult.Conflict();

        var certification = CertificationDocument.Read(row);
        string action;
        try
        {
            action = await change(certification, row);
        }
        catch (RuleViolationException e)
        {
            db.ChangeTracker.Clear();
            return new CertificationActionResult.Refused(e.Violations);
        }

        var now = time.GetUtcNow();
        CertificationDocument.Write(certification, row, now);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Actor(), action, row.RequirementsYear.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new CertificationActionResult.Conflict();
        }

        return new CertificationActionResult.Done();
    }
}
