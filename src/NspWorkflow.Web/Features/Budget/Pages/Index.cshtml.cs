using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Budget.Pages;

/// <summary>
/// /budget: a year's budget per funder and in all (granted, committed, spent, left, forecast) for the coordinator and the
/// administrator; the administrator also sets the grants and the rules of which funder pays which month here.
/// </summary>
[Authorize]
public sealed class IndexModel(BudgetQueries queries, BudgetEdits edits, RuleViolationTexts violations, IStringLocalizer<SharedResource> T,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty] public string? Funder { get; set; }
    [BindProperty] public string? GrantYear { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? DirectSupport { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? RuleFunder { get; set; }

    public BudgetStatement Statement { get; private set; } = null!;
    public IReadOnlyList<Grant> Grants { get; private set; } = [];
    public FunderRules Rules { get; private set; } = new([]);
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);
    public string? Notice { get; private set; }

    public bool MayEdit => User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (!MayRead())
            return Forbid();
        if (saved)
            Notice = T["Budget.Saved"];
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
            return Forbid();
        var year = int.TryParse(GrantYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
        var amount = Money(Amount, "amount");
        var direct = Money(DirectSupport, "directSupport");
        if (Errors.Count == 0)
            Add(await edits.SaveGrantAsync(new Grant(Funder ?? "", year, amount, direct), User, cancellationToken));
        return Errors.Count == 0 ? RedirectToPage(new { year, saved = true }) : await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveGrantAsync(string funder, int grantYear, CancellationToken cancellationToken)
    {
        if (!MayEdit)
            return Forbid();
        await edits.RemoveGrantAsync(funder, grantYear, User, cancellationToken);
        return RedirectToPage(new { year = grantYear, saved = true });
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
            return Forbid();
        Add(await edits.SaveRuleAsync(From, RuleFunder, User, cancellationToken));
        return Errors.Count == 0 ? RedirectToPage(new { year = Year, saved = true }) : await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveRuleAsync(int fromMonth, CancellationToken cancellationToken)
    {
        if (!MayEdit)
            return Forbid();
        await edits.RemoveRuleAsync(fromMonth, User, cancellationToken);
        return RedirectToPage(new { year = Year, saved = true });
    }

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var list) ? list : [];

    /// <summary>The fields of the forms, in their order on the page, with the message table key of each label.</summary>
    public static IReadOnlyList<(string Field, string Input, string Label)> Fields { get; } =
    [
        ("funder", "Funder", "Budget.Funder"), ("year", "GrantYear", "Budget.Year"), ("amount", "Amount", "Budget.Amount"),
        ("directSupport", "DirectSupport", "Budget.DirectSupport"), ("from", "From", "Budget.From"), ("ruleFunder", "RuleFunder", "Budget.Funder"),
    ];

    private bool MayRead() => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);

    private decimal Money(string? text, string field)
    {
        if (decimal.TryParse(text?.Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.'),
                NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        Add([new RuleViolation(field, string.IsNullOrWhiteSpace(text) ? RuleViolationCode.Required : RuleViolationCode.Invalid)]);
        return 0m;
    }

    private void Add(IReadOnlyList<RuleViolation> refused)
    {
        foreach (var violation in refused)
        {
            var label = Fields.FirstOrDefault(f => f.Field == violation.Field).Label ?? "Budget.Funder";
            (Errors.TryGetValue(violation.Field, out var list) ? list : Errors[violation.Field] = []).Add(violations.Message(violation, T[label]));
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        Year = Year is >= 2000 and <= 2100 ? Year : today.Year;
        Statement = await queries.StatementAsync(Year.Value, today, cancellationToken);
        Grants = await queries.GrantsAsync(null, cancellationToken);
        Rules = await queries.RulesAsync(cancellationToken);
    }
}
