using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Data.Tariffs;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tariffs.Pages;

/// <summary>
/// /admin/tariffs: the tariffs in force, their history (who saved each revision, when, what it replaced), an export in
/// the tariff file format, and a form for a new tariff from a date, started from the newest one. Days already approved
/// keep the tariffs they were approved under (<see cref="TariffSchedule.AsOf"/>).
/// </summary>
[Authorize(Roles.Admin)]
public sealed class TariffsModel(TariffCatalog catalog, TariffEdits edits, NspDbContext db, RuleViolationTexts texts,
    IStringLocalizer<SharedResource> T) : PageModel
{
    public IReadOnlyList<Tariff> InForce { get; private set; } = [];

    public IReadOnlyList<TariffRow> History { get; private set; } = [];

    /// <summary>What the inputs show: the posted values after a refusal, else the newest tariff's.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    /// <summary>Each refused field's messages, by its path.</summary>
    public IReadOnlyDictionary<string, List<string>> Errors { get; private set; } = new Dictionary<string, List<string>>();

    public bool Correction { get; private set; }

    public string? Saved { get; private set; }

    public async Task OnGetAsync(int? saved, CancellationToken cancellationToken)
    {
        if (saved is { } revision)
            Saved = T["Tariffs.SavedX0", revision];
        await LoadAsync(cancellationToken);
        var values = TariffForm.ValuesOf(InForce[^1]);
        values["effectiveFrom"] = "";
        Values = values;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var posted = TariffForm.Fields.ToDictionary(f => f.Path, f => (string?)Request.Form[f.Path].ToString(), StringComparer.Ordinal);
        Correction = Request.Form["correction"] == "true";
        var (tariff, violations) = TariffForm.Read(posted);
        if (tariff is not null)
        {
            switch (await edits.SaveAsync(tariff, Correction, User, cancellationToken))
            {
                case TariffSaveResult.Saved saved:
                    return RedirectToPage(new { saved = saved.Revision });
                case TariffSaveResult.Refused refused:
                    violations = [.. refused.Violations.Select(v => v with { Field = TariffForm.FormPath(v.Field) })];
                    break;
                case TariffSaveResult.Conflict:
                    violations = [];
                    ModelState.AddModelError("", T["Tariffs.Conflict"]);
                    break;
            }
        }

        Errors = violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => texts.Message(v, Label(g.Key))).ToList());
        Values = posted.ToDictionary(p => p.Key, p => p.Value ?? "");
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The tariffs in force as one tariff file: what <c>workflows/tariffs/</c> would hold to seed another database.</summary>
    public IActionResult OnGetExport() =>
        File(Encoding.UTF8.GetBytes(TariffJson.Write(catalog.Current.Tariffs)), "application/json",
            $"tariffs-revision-{catalog.Current.Revision}.json");

    public string Label(string path) => T[TariffField.LabelKeyOf(path)];

    public IReadOnlyList<string> ErrorsOf(string path) => Errors.TryGetValue(path, out var messages) ? messages : [];

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => SwedishCalendar.Format(time);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await catalog.RefreshAsync(cancellationToken);
        InForce = catalog.Current.Tariffs;
        History = await db.Tariffs.AsNoTracking().OrderByDescending(t => t.Revision).ToListAsync(cancellationToken);
    }
}
