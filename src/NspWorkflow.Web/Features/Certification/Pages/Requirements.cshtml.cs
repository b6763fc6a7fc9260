using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification/requirements: a year's minimum requirements as rows of key and text. The administrator edits them (empty
/// rows to fill in, a box to remove a row, no script needed) and saves the whole list at once or nothing; the coordinator
/// reads them. A year already answered by certifications keeps its list.
/// </summary>
[Authorize]
public sealed partial class RequirementsModel(RequirementCatalogs catalogs, RuleViolationTexts violations, IStringLocalizer<SharedResource> T,
    TimeProvider time) : PageModel
{
    /// <summary>The empty rows offered below the list, to add requirements without script.</summary>
    public const int EmptyRows = 3;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public List<RequirementRow> Rows { get; set; } = [];

    /// <summary>The year whose stored list the year takes (itself when it has its own); null for the program's starting list.</summary>
    public int? SourceYear { get; private set; }

    public bool InUse { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The errors in the order of the page: the field (the id its messages go by), the input the summary links to, the message.</summary>
    public List<FieldError> Errors { get; } = [];

    public bool MayEdit => User.IsInRole(Roles.Admin);

    public int ShownYear => Year ?? SwedishCalendar.Today(time).Year;

    public IReadOnlyList<string> ErrorsOf(string field) => [.. Errors.Where(e => e.Field == field).Select(e => e.Message)];

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (!MayRead())
            return Forbid();
        if (saved)
            Notice = T["Requirements.Saved"];
        await LoadAsync(cancellationToken);
        await ShowStoredAsync(cancellationToken);
        if (MayEdit && !InUse)
            Rows.AddRange(Enumerable.Range(0, EmptyRows).Select(_ => new RequirementRow()));
        return Page();
    }

    /// <summary>Saves the filled rows, in their order, as the year's list; refused as a whole, naming each field.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
            return Forbid();
        var year = Year ?? 0;
        // A row left empty, or ticked to be removed, is no requirement; the others keep their place on the page for the errors.
        var kept = Rows.Select((row, index) => (row, index)).Where(r => !r.row.Remove && !r.row.IsEmpty).ToList();
        var refused = await catalogs.SaveAsync(new RequirementCatalog(year, [.. kept.Select(r => new Requirement(r.row.Key ?? "", r.row.Text ?? ""))]),
            User.Actor(), cancellationToken);
        if (refused.Count == 0)
            return RedirectToPage(new { year, saved = true });

        foreach (var violation in refused)
            Errors.Add(ErrorOf(violation, [.. kept.Select(r => r.index)], year));
        await LoadAsync(cancellationToken);
        if (InUse)
            await ShowStoredAsync(cancellationToken);
        return Page();
    }

    /// <summary>More empty rows, keeping what is typed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostMoreAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
            return Forbid();
        Rows.AddRange(Enumerable.Range(0, EmptyRows).Select(_ => new RequirementRow()));
        Notice = T["Requirements.MoreRowsAdded", EmptyRows];
        await LoadAsync(cancellationToken);
        return Page();
    }

    public static string KeyId(int row) => $"row-{row}-key";

    public static string TextId(int row) => $"row-{row}-text";

    private FieldError ErrorOf(RuleViolation violation, IReadOnlyList<int> rowOfRequirement, int year)
    {
        if (violation is { Field: nameof(RequirementCatalog.Year), Code: RuleViolationCode.WrongStage })
            return new("year", "Year", T["Requirements.InUseX0", year]);
        if (violation.Field == nameof(RequirementCatalog.Year))
            return new("year", "Year", violations.Message(violation, T["Requirements.Year"]));
        if (RowField().Match(violation.Field) is { Success: true } match)
        {
            var row = rowOfRequirement[int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)];
            var isKey = match.Groups["part"].Value == nameof(Requirement.Key);
            var id = isKey ? KeyId(row) : TextId(row);
            return new(id, id, violations.Message(violation, T[isKey ? "Requirements.KeyOfRowX0" : "Requirements.TextOfRowX0", row + 1]));
        }

        return new("rows", KeyId(0), violations.Message(violation, T["Requirements.AtLeastOne"]));
    }

    private bool MayRead() => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Year is not (>= 2000 and <= 2100))
            Year = SwedishCalendar.Today(time).Year;
        SourceYear = await catalogs.SourceYearAsync(ShownYear, cancellationToken);
        InUse = await catalogs.InUseAsync(ShownYear, cancellationToken);
    }

    /// <summary>The rows of the list the year has or would take.</summary>
    private async Task ShowStoredAsync(CancellationToken cancellationToken) =>
        Rows = [.. (await catalogs.ForYearAsync(ShownYear, cancellationToken)).Requirements.Select(r => new RequirementRow { Key = r.Key, Text = r.Text })];

    [GeneratedRegex(@"^Requirements\[(?<index>\d+)\]\.(?<part>Key|Text)$")]
    private static partial Regex RowField();
}

/// <summary>A row of the form: a requirement's key and text, and whether to remove it.</summary>
public sealed class RequirementRow
{
    public string? Key { get; set; }
    public string? Text { get; set; }
    public bool Remove { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>An error of the page: the field its message belongs to, the input the error summary leads to, and the message.</summary>
public sealed record FieldError(string Field, string Input, string Message);
