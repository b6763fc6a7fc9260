using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Invoicing.Pages;

/// <summary>
/// /invoices/{id}: one invoice basis with its lines and sums. The shelter submits its invoice here (its number and the
/// invoice as a PDF); the coordinator is led to the attestation in the inbox; everyone who may see it downloads the
/// invoice file. Not found for another shelter, exactly as for a basis that does not exist.
/// </summary>
[Authorize(Roles.CaseWork)]
[RequestSizeLimit(InvoiceBases.MaxFileBytes + 64 * 1024)]
public sealed class DetailsModel(InvoiceBases bases, InvoiceExports exports, InvoiceLineTexts texts, TaskQueries tasks, NspDbContext db, RuleViolationTexts violations,
    IStringLocalizer<SharedResource> T) : PageModel
{
    public InvoiceBasisView View { get; private set; } = null!;

    /// <summary>The coordinator's open attestation task, which the page links to.</summary>
    public Guid? AttestationTask { get; private set; }

    [BindProperty]
    public string? InvoiceNumber { get; set; }

    [BindProperty]
    public IFormFile? InvoiceFile { get; set; }

    /// <summary>The version the form was shown for: a submission over a newer one is a conflict, not an overwrite.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>Each refused field's messages, by the field's name (invoiceNumber, invoiceFile).</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public string? FormError { get; private set; }

    public bool Submitted { get; private set; }

    public bool MaySubmit => View.Basis.Status is InvoiceBasisStatus.Ready or InvoiceBasisStatus.SentBack && User.IsShelterOf(View.Basis.ShelterId);

    public async Task<IActionResult> OnGetAsync(Guid id, bool submitted, CancellationToken cancellationToken)
    {
        Submitted = submitted;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (InvoiceFile is { Length: > InvoiceBases.MaxFileBytes })
        {
            Errors["invoiceFile"] = [T["Invoice.FileInvalid", InvoiceBases.MaxFileBytes / (1024 * 1024)]];
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        byte[]? content = null;
        if (InvoiceFile is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await InvoiceFile.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        switch (await bases.SubmitAsync(id, InvoiceNumber, content, Version, User, cancellationToken))
        {
            case InvoiceSubmitResult.Submitted:
                return RedirectToPage(new { id, submitted = true });
            case InvoiceSubmitResult.NotFound:
                return NotFound();
            case InvoiceSubmitResult.Conflict:
                db.ChangeTracker.Clear();
                FormError = T["Invoice.Conflict"];
                break;
            case InvoiceSubmitResult.Refused refused:
                foreach (var violation in refused.Violations)
                {
                    var label = violation.Field switch { "invoiceNumber" => T["Invoice.Number"], "invoiceFile" => T["Invoice.File"], _ => null };
                    var message = violation.Field == "invoiceFile" && violation.Code == Domain.RuleViolationCode.Invalid
                        ? T["Invoice.FileInvalid", InvoiceBases.MaxFileBytes / (1024 * 1024)].Value
                        : label is null ? violations.Message(violation) : violations.Message(violation, label.Value);
                    if (label is null)
                        FormError = message;
                    else
                        (Errors.TryGetValue(violation.Field, out var list) ? list : Errors[violation.Field] = []).Add(message);
                }
                break;
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The invoice the shelter submitted, as the PDF it is.</summary>
    public async Task<IActionResult> OnGetInvoiceFileAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await bases.FindVisibleAsync(id, User, cancellationToken) is not { } basis
            || await bases.InvoiceFileAsync(basis, cancellationToken) is not { } content)
            return NotFound();
        return File(content, "application/pdf", $"faktura-{InvoiceBasisRow.FileNameOf(basis)}.pdf");
    }

    /// <summary>The basis as CSV for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken) =>
        await bases.FindVisibleAsync(id, User, cancellationToken) is { } basis
            ? File(InvoiceCsv.Write(await exports.DocumentAsync(basis, cancellationToken)), "text/csv; charset=utf-8",
                $"fakturaunderlag-{InvoiceBasisRow.FileNameOf(basis)}.csv")
            : NotFound();

    /// <summary>The basis as a PDF document with the program's name, the shelter, the month, the lines and the sums.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken) =>
        await bases.FindVisibleAsync(id, User, cancellationToken) is { } basis
            ? File(InvoicePdf.Write(await exports.DocumentAsync(basis, cancellationToken)), "application/pdf",
                $"fakturaunderlag-{InvoiceBasisRow.FileNameOf(basis)}.pdf")
            : NotFound();

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var list) ? list : [];

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await bases.FindVisibleAsync(id, User, cancellationToken) is not { } basis)
            return false;
        View = await InvoiceBasisView.BuildAsync(db, basis, texts, cancellationToken);
        Version = basis.Version;
        if (basis.Status == InvoiceBasisStatus.Submitted && (User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin)))
            AttestationTask = (await tasks.OpenOfAsync(InvoicingNames.SubjectKind, id.ToString(), cancellationToken)).FirstOrDefault()?.Id;
        return true;
    }
}
