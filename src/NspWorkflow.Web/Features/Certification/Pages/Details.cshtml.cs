using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification/{id}: a shelter's certification: the answers, the visit and the action plan, with the open tasks of its
/// process. On the plan the shelter reports each action done (with a file if it has one) and the coordinator accepts or
/// reopens it. Not found for another shelter, exactly as for one that does not exist.
/// </summary>
[Authorize(Roles.CaseWork)]
[RequestSizeLimit(ReceiptStore.MaxBytes + 64 * 1024)]
public sealed class DetailsModel(Certifications certifications, CertificationActions actions, RequirementCatalogs catalogs, TaskQueries tasks,
    TaskFormRegistry forms, NspDbContext db, RuleViolationTexts violations, IStringLocalizer<SharedResource> T) : PageModel
{
    public CertificationSubject Subject { get; private set; } = null!;

    public IReadOnlyList<WorkflowTaskRow> OpenTasks { get; private set; } = [];

    public TaskFormRegistry Forms => forms;

    public bool Started { get; private set; }

    public string? Notice { get; private set; }

    public string? FormError { get; private set; }

    /// <summary>Each refused field's messages, by action id and field ("{id}:comment").</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public bool MayReport(ActionItem action) =>
        Subject.Certification.Stage == CertificationStage.ActionPlan && action.Status == ActionItemStatus.Open && User.IsShelterOf(Subject.Row.ShelterId);

    public bool MayReview(ActionItem action) =>
        Subject.Certification.Stage == CertificationStage.ActionPlan && action.Status == ActionItemStatus.Reported && User.IsInRole(Roles.Coordinator);

    public IReadOnlyList<string> ErrorsOf(Guid actionId, string field) => Errors.TryGetValue($"{actionId}:{field}", out var list) ? list : [];

    public async Task<IActionResult> OnGetAsync(Guid id, bool started, CancellationToken cancellationToken)
    {
        Started = started;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid actionId, string? comment, IFormFile? file, Guid version, CancellationToken cancellationToken)
    {
        byte[]? content = null;
        if (file is { Length: > ReceiptStore.MaxBytes })
            return await RefusedAsync(id, actionId, [new("file", Domain.RuleViolationCode.Invalid)], cancellationToken);
        if (file is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        return await OutcomeAsync(id, actionId, await actions.ReportDoneAsync(id, actionId, comment, content, version, User, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid actionId, Guid version, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, actionId, await actions.AcceptAsync(id, actionId, version, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(Guid id, Guid actionId, string? comment, DateOnly? deadline, Guid version, CancellationToken cancellationToken) =>
        await OutcomeAsync(id, actionId, await actions.ReopenAsync(id, actionId, comment, deadline, version, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnGetReportFileAsync(Guid id, Guid actionId, CancellationToken cancellationToken) =>
        await actions.ReportFileAsync(id, actionId, User, cancellationToken) is { } found
            ? File(found.Content, found.Kind.ContentType, $"atgard.{found.Kind.Extension}")
            : NotFound();

    private async Task<IActionResult> OutcomeAsync(Guid id, Guid actionId, CertificationActionResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case CertificationActionResult.Done:
                return Redirect($"/certification/{id}#action-{actionId}");
            case CertificationActionResult.NotFound:
                return NotFound();
            case CertificationActionResult.Forbidden:
                return Forbid();
            case CertificationActionResult.Conflict:
                db.ChangeTracker.Clear();
                FormError = T["Certification.Conflict"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            case CertificationActionResult.Refused refused:
                return await RefusedAsync(id, actionId, refused.Violations, cancellationToken);
            default:
                throw new InvalidOperationException("An unknown result of a certification action.");
        }
    }

    private async Task<IActionResult> RefusedAsync(Guid id, Guid actionId, IReadOnlyList<Domain.RuleViolation> refused, CancellationToken cancellationToken)
    {
        foreach (var violation in refused)
        {
            var label = violation.Field switch
            {
                "comment" => T["Certification.Comment"].Value,
                "deadline" => T["Certification.Deadline"].Value,
                "file" => T["Certification.File"].Value,
                _ => null,
            };
            var message = violation.Field == "file" ? T["Certification.FileInvalid", ReceiptStore.MaxBytes / (1024 * 1024)].Value
                : label is null ? violations.Message(violation) : violations.Message(violation, label);
            if (label is null)
                FormError = message;
            else
                (Errors.TryGetValue($"{actionId}:{violation.Field}", out var list) ? list : Errors[$"{actionId}:{violation.Field}"] = []).Add(message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await certifications.FindVisibleAsync(id, User, cancellationToken) is not { } row)
            return false;
        var shelter = await db.Shelters.AsNoTracking().SingleAsync(s => s.Id == row.ShelterId, cancellationToken);
        Subject = new CertificationSubject(row, CertificationDocument.Read(row), await catalogs.ForYearAsync(row.RequirementsYear, cancellationToken), shelter);
        OpenTasks = await tasks.OpenOfAsync(CertificationNames.SubjectKind, id.ToString(), cancellationToken);
        return true;
    }
}
