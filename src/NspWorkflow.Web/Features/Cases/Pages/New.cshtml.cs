using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Cases.Pages.Application;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Layout;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>
/// /cases/new: a shelter worker's admission application. A draft can be saved at any point (nothing is checked but what
/// could not be read); submitting checks the program's rules, opens the case and starts its process, and removes the
/// draft in the same step. A broken rule keeps what was typed and names the field in the summary and at the field.
/// </summary>
[Authorize(Roles.Shelter)]
public sealed class NewModel(CaseApplications applications, ApplicationDrafts drafts, CountryNames countries,
    RuleViolationTexts texts, IStringLocalizer<SharedResource> T, TimeProvider time, TariffSchedule tariffs) : PageModel, IFieldErrors
{
    public const string SubmittedKey = "Application.Submitted";
    public const string DraftSavedKey = "Application.DraftSaved";

    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    /// <summary>The draft this form was opened from or last saved as.</summary>
    [BindProperty]
    public Guid? DraftId { get; set; }

    [BindProperty]
    public Guid? DraftVersion { get; set; }

    /// <summary>The child row to focus after "add a child".</summary>
    public int? FocusChild { get; private set; }

    public bool DraftSaved => TempData.Peek(DraftSavedKey) is true;

    public IReadOnlyList<(string Code, string Name)> Countries => countries.All(CultureInfo.CurrentUICulture);

    public DateOnly Today => SwedishCalendar.Today(time);

    private Guid ShelterId => User.ShelterId() ?? throw new InvalidOperationException("A shelter user without a shelter.");

    public async Task<IActionResult> OnGetAsync(Guid? draft, CancellationToken cancellationToken)
    {
        if (draft is { } id)
        {
            if (await drafts.FindAsync(id, ShelterId, cancellationToken) is not { } found)
                return NotFound();
            (Form, DraftId, DraftVersion) = (found.Form, found.Id, found.Version);
        }
        else
        {
            Form = ApplicationForm.Blank(Today);
        }

        Form.WithRows();
        // What a draft's form was saved with may be worded as a name in the other language: show it in this one.
        if (countries.Find(Form.Country) is { } code)
            Form.Country = countries.Name(code, CultureInfo.CurrentUICulture);
        return Page();
    }

    /// <summary>"Add a child": one more row, the rest as typed, nothing checked.</summary>
    public IActionResult OnPostAddChild()
    {
        Form.WithRows();
        Form.Children.Add(new ChildInput());
        FocusChild = Form.Children.Count - 1;
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        Form.WithRows();
        if (ReplaceBindingErrors())
            return Page();
        if (await drafts.SaveAsync(DraftId, DraftVersion, ShelterId, Form, cancellationToken) is not { } saved)
        {
            ModelState.AddModelError("", T["Application.DraftChangedMeanwhile"]);
            return Page();
        }

        TempData[DraftSavedKey] = true;
        return RedirectToPage("/Features/Cases/Pages/New", new { draft = saved.Id });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form.WithRows();
        ReplaceBindingErrors();
        var violations = new List<RuleViolation>();
        var application = Form.ToApplication(ShelterId, Today, countries, violations);
        // A field that did not even bind already has its message; the placeholder the rules then see would only confuse.
        violations.RemoveAll(v => HasError(v.Field));
        if (!ModelState.IsValid || violations.Count > 0)
        {
            // Report the domain's rules too, so every error is shown at once.
            violations.AddRange(application.Validate(null, Today, tariffs).Where(v => v.Field != "shelterId" && !violations.Any(r => r.Field == v.Field) && !HasError(v.Field)));
            AddErrors(violations);
            return Page();
        }

        Action? removeDraft = DraftId is { } id && DraftVersion is { } version ? () => drafts.RemoveWithNextSave(id, version) : null;
        switch (await applications.SubmitAsync(application, User, removeDraft, cancellationToken))
        {
            case ApplicationOutcome.Opened opened:
                TempData[SubmittedKey] = opened.Reference;
                return Redirect($"/cases/{opened.Id}");
            case ApplicationOutcome.Refused refused:
                AddErrors(refused.Violations);
                return Page();
            case ApplicationOutcome.Conflict:
                ModelState.AddModelError("", T["Application.DraftChangedMeanwhile"]);
                return Page();
            default:
                ModelState.AddModelError("", T["Application.NotStarted"]);
                return Page();
        }
    }

    // ----- What the form needs to show errors next to fields and in the summary.

    public bool HasError(string field) => Key(field) is { } key && ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public IReadOnlyList<string> ErrorsOf(string field) =>
        Key(field) is { } key && ModelState.TryGetValue(key, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public string AriaInvalid(string field) => HasError(field) ? "true" : "false";

    /// <summary>The ids that describe an input: its hint, and its error when it has one.</summary>
    public string? DescribedBy(string field, string? hintId = null) =>
        FieldErrors.DescribedBy(hintId, HasError(field) ? ErrorKeyOf(field) : null);

    public string ErrorKey(string field) => ErrorKeyOf(field);

    // Brackets in an id would need escaping in CSS: children[0].birthYear's errors are children-0--birthYear-error.
    private static string ErrorKeyOf(string field) => field.Replace('[', '-').Replace(']', '-');

    /// <summary>Every error in the order of the form; errors of the whole form first.</summary>
    public IReadOnlyList<SummaryError> Errors()
    {
        var errors = new List<SummaryError>();
        if (ModelState.TryGetValue("", out var formLevel))
            errors.AddRange(formLevel.Errors.Select(e => new SummaryError(e.ErrorMessage, null)));
        foreach (var (key, entry) in ModelState.Where(e => e.Key.Length > 0 && e.Value is { Errors.Count: > 0 }).OrderBy(e => Order(e.Key)))
            errors.AddRange(entry!.Errors.Select(e => new SummaryError(e.ErrorMessage, InputIdOf(key))));
        return errors;
    }

    private static string? Key(string field) => ApplicationFields.Find(field)?.Key;

    private static string InputIdOf(string key) => key switch
    {
        // A group's first input is where the user starts to fix it.
        "Form.Exploitation" => ApplicationFields.Find(ApplicationFields.Exploitation)!.InputId,
        "Form.Children" => ApplicationFields.Find(ApplicationFields.Children)!.InputId,
        _ => key.Replace('.', '_').Replace('[', '_').Replace(']', '_'),
    };

    // The form's order: the person, the children, the criteria, the assessment.
    private static int Order(string key) =>
        Array.FindIndex(["Form.PlacementDate", "Form.BirthYear", "Form.Gender", "Form.Country", "Form.Exploitation", "Form.Children",
            "Form.LikelyVictim", "Form.ShelterCanMeetNeeds", "Form.NotFundedBySociety", "Form.AssessmentDate", "Form.Needs"],
            prefix => key.StartsWith(prefix, StringComparison.Ordinal)) is var i and >= 0 ? i : int.MaxValue;

    private void AddErrors(IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            if (ApplicationFields.Find(violation.Field) is { } field)
                ModelState.AddModelError(field.Key, texts.Message(violation, Label(field)));
            else
                ModelState.AddModelError("", texts.Message(violation));
        }
    }

    // A label's argument is a number (the child's) or the key of a name (the need area's).
    private string Label(ApplicationField field) =>
        T[field.LabelKey, field.LabelArgument is string key ? T[key].Value : field.LabelArgument ?? ""];

    /// <summary>Replaces the framework's English binding messages with the rule's own, naming the field; true when there were any.</summary>
    private bool ReplaceBindingErrors()
    {
        var replaced = new List<RuleViolation>();
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear();
            if (ApplicationFields.FromModelStateKey(key) is { } field)
            {
                var expected = field is ApplicationFields.PlacementDate or ApplicationFields.AssessmentDate ? ExpectedValue.Date : ExpectedValue.WholeNumber;
                replaced.Add(field == ApplicationFields.Gender ? new(field, RuleViolationCode.Invalid) : new(field, RuleViolationCode.WrongType, expected));
            }
            else
            {
                replaced.Add(new(key, RuleViolationCode.Invalid));
            }
        }
        AddErrors(replaced);
        return replaced.Count > 0;
    }
}
