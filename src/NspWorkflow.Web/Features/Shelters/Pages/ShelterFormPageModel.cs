using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Layout;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Shelters.Pages;

/// <summary>
/// What the create and edit pages share: the one input model, validation through the domain's rules, and saving
/// that never writes when a rule fails. The form partial renders against this type.
/// </summary>
public abstract class ShelterFormPageModel(NspDbContext db, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ShelterForm Form { get; set; } = new();

    /// <summary>True on the create page: no version to carry.</summary>
    public abstract bool IsNew { get; }

    protected NspDbContext Db => db;
    protected TimeProvider Time => time;
    protected IStringLocalizer<SharedResource> T => localizer;

    /// <summary>
    /// Rewords binding errors, then runs the domain's rules and the unique name; every broken rule lands on its field.
    /// Returns the details to save, or null when anything is wrong.
    /// </summary>
    protected async Task<ShelterDetails?> ValidateAsync(Guid? exceptShelterId, CancellationToken cancellationToken)
    {
        ShelterViolationMessages.ReplaceBindingErrors(ModelState, T);
        var (details, missing) = Form.ToDetails();
        // A field that did not even bind already has its message; the rule's placeholder value would only confuse.
        var violations = missing.Concat(details.Validate())
            .Where(v => !HasError(ShelterViolationMessages.FormField(v)))
            .ToList();
        if (!violations.Any(v => v.Field == nameof(ShelterDetails.Name))
            && await NameTakenAsync(details.Name, exceptShelterId, cancellationToken))
        {
            violations.Add(ShelterViolationMessages.DuplicateName(details.Name.Trim()));
        }
        ShelterViolationMessages.AddTo(ModelState, T, violations);
        return ModelState.IsValid ? details : null;
    }

    /// <summary>Saves, turning a lost race (a newer version, the same name saved just now) into a message on the form.</summary>
    protected async Task<bool> TrySaveAsync(ShelterDetails details, Guid? exceptShelterId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            AddConcurrencyError();
            return false;
        }
        catch (DbUpdateException)
        {
            // The unique index caught a name saved between the check and this save. Providers word that
            // differently, so ask the database again rather than read the provider's exception.
            if (!await NameTakenAsync(details.Name, exceptShelterId, cancellationToken))
                throw;
            ShelterViolationMessages.AddTo(ModelState, T, [ShelterViolationMessages.DuplicateName(details.Name.Trim())]);
            return false;
        }
    }

    protected void AddConcurrencyError() =>
        ModelState.AddModelError("", T["SomeoneElseHasChangedTheShelterSince"]);

    protected IActionResult SavedRedirect()
    {
        // The list shows the notice once: TempData survives exactly the redirect.
        TempData[IndexModel.SavedKey] = true;
        return RedirectToPage("/Features/Shelters/Pages/Index");
    }

    // Names are compared ignoring case: "Boende X" and "boende x" are the same shelter to its users, even where
    // the database's unique index (case-sensitive on SQLite and PostgreSQL) would let both in. The register is
    // small, so the names are compared here rather than with a provider-specific collation.
    private Task<bool> NameTakenAsync(string name, Guid? exceptShelterId, CancellationToken cancellationToken) =>
        db.IsTakenAsync(name, exceptShelterId, cancellationToken);

    // ----- What the form partial needs to show errors next to fields and in the summary.

    public bool HasError(string field) =>
        ModelState.TryGetValue(ShelterViolationMessages.ModelStateKey(field), out var entry) && entry.Errors.Count > 0;

    public IReadOnlyList<string> ErrorsOf(string field) =>
        ModelState.TryGetValue(ShelterViolationMessages.ModelStateKey(field), out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

    public static string InputId(string field) => field switch
    {
        // A group's first box is where the user starts to fix it.
        nameof(ShelterForm.ExploitationForms) => $"Form_ExploitationForms_{ExploitationForm.Sexual}",
        _ => $"Form_{field}",
    };

    /// <summary>The ids that describe an input: its hint, and its error when it has one.</summary>
    public string? DescribedBy(string field, string? hintId = null) =>
        FieldErrors.DescribedBy(hintId, HasError(field) ? field : null);

    public string AriaInvalid(string field) => HasError(field) ? "true" : "false";

    /// <summary>Every error in the order of the form; errors of the whole form (no field) first.</summary>
    public IReadOnlyList<SummaryError> Errors()
    {
        var errors = new List<SummaryError>();
        if (ModelState.TryGetValue("", out var formLevel))
            errors.AddRange(formLevel.Errors.Select(e => new SummaryError(e.ErrorMessage, null)));
        foreach (var (field, _) in ShelterViolationMessages.Fields)
            errors.AddRange(ErrorsOf(field).Select(message => new SummaryError(message, InputId(field))));
        return errors;
    }
}
