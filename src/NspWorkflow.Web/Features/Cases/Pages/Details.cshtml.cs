using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.PointInterventions;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Cases.Timeline;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>
/// /cases/{id}: the case as the API gives it (<see cref="CaseDetails"/>), for whoever may read it; another shelter's case
/// is not found, and so is every case to a reader, who sees counts only. Every read is audited; a refused one is not a read.
/// The case's shelter acts on it here: reports a police report while the reflection runs, and applies for a point
/// intervention with its receipt, both through <see cref="CaseActions"/> as the API does.
/// </summary>
[Authorize]
public sealed class DetailsModel(CaseReader reader, CaseActions actions, CaseWorkspace workspace, CaseTimeline timeline,
    CaseComments comments, TariffSchedule tariffs, RuleViolationTexts texts, IStringLocalizer<SharedResource> T, TimeProvider time) : PageModel
{
    public const string DoneKey = "Case.ActionDone";

    public CaseDetails Case { get; private set; } = null!;

    [BindProperty]
    public PoliceReportInput Police { get; set; } = new();

    [BindProperty]
    public PointInterventionInput Point { get; set; } = new();

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    [BindProperty]
    public ChildJoinedInput Child { get; set; } = new();

    [BindProperty]
    public ChildLeftInput Left { get; set; } = new();

    [BindProperty]
    public PublicPaysInput Public { get; set; } = new();

    [BindProperty]
    public SupplementInput Supplement { get; set; } = new();

    /// <summary>The case's history, oldest first (<see cref="CaseTimeline"/>).</summary>
    public IReadOnlyList<CaseTimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The coordinator and the case's own shelter comment on the case.</summary>
    public bool MayComment => CaseComments.MayComment(User, Case.ShelterId);

    /// <summary>The case's own shelter, with something it may do here.</summary>
    public bool MayAct => MayReportToPolice || MayApplyForPointIntervention || MayRequestSupplement;

    /// <summary>With the application or while the case runs, unless one is waiting for a decision or already approved.</summary>
    public bool MayRequestSupplement => IsOwnShelter && Case.Status is "applied" or "active"
        && !(Case.Supplements ?? []).Any(s => s.Status is "requested" or "approved");

    /// <summary>A police report fits while the reflection or extended support runs and the state has not taken over.</summary>
    public bool MayReportToPolice => IsOwnShelter && Case.Status == "active" && Case.Outcome == "open"
        && Case.Periods.Count > 0 && Case.Periods[^1].Kind is "reflection" or "extended";

    /// <summary>While the case runs, its shelter and the coordinator record what changes its daily amount from a day on.</summary>
    public bool MayChangeDailyTerms => Case.Status == "active" && (IsOwnShelter || User.IsInRole(Infrastructure.Authentication.Roles.Coordinator));

    /// <summary>With the application, while the case runs, and after MMM (the one-off costs stay the program's).</summary>
    public bool MayApplyForPointIntervention => IsOwnShelter && (Case.Status is "applied" or "active" || Case.Outcome == "mmm");

    private bool IsOwnShelter => CaseAccess.IsShelterOf(User, Case.ShelterId);

    public DateOnly Today => SwedishCalendar.Today(time);

    /// <summary>The categories of the tariff in force today, by their Swedish names, and its cap per occasion.</summary>
    public (IReadOnlyList<InterventionCategory> Categories, decimal Cap) PointTariff =>
        tariffs.TryInForceOn(Today, out var tariff) ? (tariff.PointInterventions.Categories, tariff.PointInterventions.CapPerOccasion) : ([], 0m);

    /// <summary>Set when the case's personal data was erased: the page shows its reference and the day, nothing else.</summary>
    public CaseErasedException? Erased { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        CaseDetails? details;
        try
        {
            details = await reader.ReadAsync(id, User, cancellationToken);
        }
        catch (CaseErasedException erased)
        {
            Erased = erased;
            return Page();
        }

        if (details is null)
            return NotFound();
        Case = details;
        Timeline = await timeline.BuildAsync(id, cancellationToken);
        Point.Date = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostPoliceReportAsync(Guid id, CancellationToken cancellationToken)
    {
        var missing = BindingErrors(nameof(Police));
        if (Police.Date is null && !missing.Any(v => v.Field == "date"))
            missing.Add(new("date", RuleViolationCode.Required));
        if (Police.MmmGranted is null && !missing.Any(v => v.Field == "mmmGranted"))
            missing.Add(new("mmmGranted", RuleViolationCode.Required));
        var outcome = missing.Count > 0
            ? new CaseActionOutcome.Refused(missing)
            : await actions.ReportToPoliceAsync(id, Police.Date!.Value, Police.MmmGranted!.Value, User, cancellationToken);
        return await AfterAsync(id, outcome, nameof(Police), "Case.PoliceReportRecorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostPointInterventionAsync(Guid id, CancellationToken cancellationToken)
    {
        var missing = BindingErrors(nameof(Point));
        if (string.IsNullOrWhiteSpace(Point.CategoryKey))
            missing.Add(new("categoryKey", RuleViolationCode.Required));
        if (Point.Amount is null && !missing.Any(v => v.Field == "amount"))
            missing.Add(new("amount", RuleViolationCode.Required));
        if (Point.Date is null && !missing.Any(v => v.Field == "date"))
            missing.Add(new("date", RuleViolationCode.Required));
        byte[]? receipt = null;
        if (Point.Receipt is { Length: > 0 } file)
        {
            if (file.Length > ReceiptStore.MaxBytes)
                missing.Add(new("receipt", RuleViolationCode.Invalid));
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                receipt = buffer.ToArray();
            }
        }

        var outcome = missing.Count > 0
            ? new CaseActionOutcome.Refused(missing)
            : await actions.ApplyForPointInterventionAsync(id,
                new PointIntervention(Point.CategoryKey!.Trim(), Point.Amount!.Value, Point.Description?.Trim() ?? "", null, Point.Date!.Value),
                receipt, User, cancellationToken);
        return await AfterAsync(id, outcome, nameof(Point), "Case.PointInterventionSent", cancellationToken);
    }

    public async Task<IActionResult> OnPostChildJoinedAsync(Guid id, CancellationToken cancellationToken)
    {
        var missing = BindingErrors(nameof(Child));
        if (Child.BirthYear is null && !missing.Any(v => v.Field == "birthYear"))
            missing.Add(new("birthYear", RuleViolationCode.Required));
        if (Child.InSweden is null && !missing.Any(v => v.Field == "inSweden"))
            missing.Add(new("inSweden", RuleViolationCode.Required));
        if (Child.From is null && !missing.Any(v => v.Field == "from"))
            missing.Add(new("from", RuleViolationCode.Required));
        var outcome = missing.Count > 0
            ? new CaseActionOutcome.Refused(missing)
            : await actions.AddChildAsync(id, new Domain.Cases.Child(Child.BirthYear!.Value, Child.InSweden!.Value), Child.From!.Value, User, cancellationToken);
        return await AfterAsync(id, outcome, nameof(Child), "Case.ChildRecorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostChildLeftAsync(Guid id, CancellationToken cancellationToken)
    {
        var missing = BindingErrors(nameof(Left));
        var outcome = missing.Count > 0
            ? new CaseActionOutcome.Refused(missing)
            : await actions.ChildLeftAsync(id, Left.Index ?? -1, Left.LastDay, User, cancellationToken);
        return await AfterAsync(id, outcome, nameof(Left), "Case.ChildLeftRecorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostPublicPaysAsync(Guid id, CancellationToken cancellationToken)
    {
        var missing = BindingErrors(nameof(Public));
        if (Public.Part is not (PublicPaysInput.None or PublicPaysInput.Housing or PublicPaysInput.Protection))
            missing.Add(new("part", RuleViolationCode.Required));
        if (Public.From is null && !missing.Any(v => v.Field == "from"))
            missing.Add(new("from", RuleViolationCode.Required));
        var outcome = missing.Count > 0
            ? new CaseActionOutcome.Refused(missing)
            : await actions.PublicPaysFromAsync(id, Public.From!.Value, Public.Part == PublicPaysInput.Housing,
                Public.Part == PublicPaysInput.Protection, User, cancellationToken);
        return await AfterAsync(id, outcome, nameof(Public), "Case.PublicPaysRecorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostSupplementAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await actions.RequestSupplementAsync(id, Supplement.Justification, User, cancellationToken), nameof(Supplement),
            "Case.SupplementSent", cancellationToken);

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await comments.AddAsync(id, Comment.Text, User, cancellationToken), nameof(Comment), "Case.CommentSaved", cancellationToken);

    /// <summary>The receipt of one of the case's point interventions, for whoever may read the case (audited).</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid id, Guid pointIntervention, CancellationToken cancellationToken) =>
        await reader.ReadReceiptAsync(id, pointIntervention, User, cancellationToken) is { } receipt
            ? File(receipt.Content, receipt.ContentType, receipt.FileName)
            : NotFound();

    /// <summary>Back to the case with a notice when done; else the case again with the form's errors and what was typed.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, CaseActionOutcome outcome, string form, string doneKey, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case CaseActionOutcome.Done:
                TempData[DoneKey] = doneKey;
                return Redirect($"/cases/{id}");
            case CaseActionOutcome.NotFound:
                return NotFound();
            case CaseActionOutcome.Forbidden:
                return Forbid();
            case CaseActionOutcome.Refused refused:
                foreach (var violation in refused.Violations)
                {
                    var field = char.ToLowerInvariant(violation.Field[0]) + violation.Field[1..];
                    if (FieldLabel(form, field) is { } label)
                        ModelState.AddModelError($"{form}.{char.ToUpperInvariant(field[0])}{field[1..]}", texts.Message(violation, T[label]));
                    else
                        ModelState.AddModelError(form, texts.Message(violation));
                }
                break;
            case CaseActionOutcome.NotNow notNow:
                ModelState.AddModelError(form, T[notNow.Key]);
                break;
        }

        // The step stored nothing: read the case afresh, as it is, in a unit of work of its own.
        workspace.Discard();
        if (await reader.ReadAsync(id, User, cancellationToken) is not { } details)
            return NotFound();
        Case = details;
        Timeline = await timeline.BuildAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>What the form's fields could not even read, as the rule it breaks; the framework's English messages go.</summary>
    private List<RuleViolation> BindingErrors(string form)
    {
        var violations = new List<RuleViolation>();
        foreach (var (key, entry) in ModelState.Where(e => e.Key.StartsWith(form + ".", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear();
            var field = char.ToLowerInvariant(key[form.Length + 1]) + key[(form.Length + 2)..];
            var expected = field switch
            {
                "date" or "from" or "lastDay" => ExpectedValue.Date,
                "mmmGranted" or "inSweden" => ExpectedValue.TrueOrFalse,
                _ => ExpectedValue.Number,
            };
            violations.Add(new(field, RuleViolationCode.WrongType, expected));
        }
        return violations;
    }

    /// <summary>The label key of a form's field, so its errors name it; null for an error of the whole form.</summary>
    public static string? FieldLabel(string form, string field) => (form, field) switch
    {
        (nameof(Police), "date") => "Case.PoliceReportDate",
        (nameof(Police), "mmmGranted") => "Case.MmmGranted",
        (nameof(Point), "categoryKey") => "Category",
        (nameof(Point), "amount") => "Case.AmountKronor",
        (nameof(Point), "date") => "Date",
        (nameof(Point), "description") => "Case.Description",
        (nameof(Point), "receipt") => "Case.Receipt",
        (nameof(Comment), "text") => "Case.Comment",
        (nameof(Supplement), "justification") => "MotivatedSupplementJustification",
        (nameof(Child), "birthYear") => "BirthYear",
        (nameof(Child), "inSweden") => "InSweden",
        (nameof(Child), "from") => "Case.ChildFrom",
        (nameof(Left), "lastDay") => "Case.ChildLastDay",
        (nameof(Public), "part") => "Case.PublicPaysPart",
        (nameof(Public), "from") => "Case.PublicPaysFrom",
        _ => null,
    };

    public IReadOnlyList<string> ErrorsOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public string AriaInvalid(string key) => ErrorsOf(key).Count > 0 ? "true" : "false";

    public string? DescribedBy(string key, string? hintId = null) =>
        Infrastructure.Layout.FieldErrors.DescribedBy(hintId, ErrorsOf(key).Count > 0 ? key : null);

    /// <summary>A form's errors in its order, each linking to its input (the form's first input for the whole form).</summary>
    public IReadOnlyList<(string Message, string InputId)> ErrorsOfForm(string form, params string[] fields) =>
        [.. ErrorsOf(form).Select(m => (m, $"{form}_{fields[0]}")),
         .. fields.SelectMany(f => ErrorsOf($"{form}.{f}").Select(m => (m, $"{form}_{f}")))];
}
