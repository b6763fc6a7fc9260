using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Tasks.Assignments;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>The stand-in form as the page holds it.</summary>
public sealed class StandInInput
{
    public string? StandIn { get; set; }
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
}

/// <summary>
/// /inbox/stand-ins: a coordinator names a colleague to stand in during an absence (the items handed to the absent
/// coordinator then show in the colleague's inbox), sees the absences they cover, and ends a stand-in of their own.
/// </summary>
[Authorize(Roles.Coordinator)]
public sealed class StandInsModel(StandIns standIns, CoordinatorDirectory coordinators, RuleViolationTexts texts,
    IStringLocalizer<SharedResource> T, TimeProvider time) : PageModel
{
    public const string DoneKey = "StandIns.Done";

    [BindProperty]
    public StandInInput Input { get; set; } = new();

    public IReadOnlyList<StandIn> Mine { get; private set; } = [];

    public IReadOnlyList<StandIn> Covering { get; private set; } = [];

    /// <summary>The colleagues who may stand in: every known coordinator but the user.</summary>
    public IReadOnlyList<Coordinator> Colleagues { get; private set; } = [];

    public DateOnly Today => SwedishCalendar.Today(time);

    private static readonly string[] Fields = [nameof(StandInInput.StandIn), nameof(StandInInput.FirstDay), nameof(StandInInput.LastDay)];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.FirstDay = Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A date the browser could not send as one is an invalid value, worded as the rules word it (not the framework's English).
        var violations = Fields.Where(f => ModelState[$"{nameof(Input)}.{f}"] is { ValidationState: ModelValidationState.Invalid })
            .Select(f => new RuleViolation(Camel(f), RuleViolationCode.Invalid)).ToList();
        ModelState.Clear();
        if (violations.Count == 0)
            violations.AddRange(await standIns.AddAsync(new StandInRequest(Input.StandIn, Input.FirstDay, Input.LastDay), User, cancellationToken));
        if (violations.Count == 0)
        {
            TempData[DoneKey] = "StandIns.Saved";
            return Redirect("/inbox/stand-ins");
        }

        foreach (var violation in violations)
        {
            var field = Fields.Single(f => Camel(f) == violation.Field);
            ModelState.AddModelError($"{nameof(Input)}.{field}", texts.Message(violation, T[$"StandIns.{field}"]));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid standIn, CancellationToken cancellationToken)
    {
        if (!await standIns.RemoveAsync(standIn, User, cancellationToken))
            return NotFound();
        TempData[DoneKey] = "StandIns.Removed";
        return Redirect("/inbox/stand-ins");
    }

    public IReadOnlyList<string> ErrorsOf(string field) =>
        ModelState[$"{nameof(Input)}.{field}"]?.Errors.Select(e => e.ErrorMessage).ToList() ?? [];

    /// <summary>Every message with the id of the input it belongs to, in the order of the form, for the error summary.</summary>
    public IReadOnlyList<(string Message, string InputId)> AllErrors =>
        [.. Fields.SelectMany(f => ErrorsOf(f).Select(m => (m, $"{nameof(Input)}_{f}")))];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Mine, Covering) = await standIns.OfAsync(User, cancellationToken);
        var me = StandIns.Subject(User);
        Colleagues = [.. (await coordinators.ListAsync(cancellationToken)).Where(c => c.Subject != me)];
    }

    private static string Camel(string field) => char.ToLowerInvariant(field[0]) + field[1..];
}
