using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Shelters.Pages;

/// <summary>/shelters/{id}: changes a shelter, refusing to overwrite a change saved by someone else meanwhile.</summary>
[Authorize(ShelterPolicies.Manage)]
public sealed class EditModel(NspDbContext db, TimeProvider time, IStringLocalizer<SharedResource> localizer)
    : ShelterFormPageModel(db, time, localizer)
{
    public override bool IsNew => false;

    /// <summary>The name as saved, for the heading: the form may hold an unsaved one.</summary>
    public string SavedName { get; private set; } = "";

    /// <summary>Someone else saved since the form was opened: the page offers a fresh copy rather than a re-post.</summary>
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var shelter = await Db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shelter is null)
            return NotFound();
        SavedName = shelter.Name;
        Form = ShelterForm.From(shelter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var shelter = await Db.Shelters.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shelter is null)
            return NotFound();
        SavedName = shelter.Name;

        // Stale already: say so at once, before the user spends effort on other errors of a form they must reload.
        if (shelter.Version != Form.Version)
        {
            ShelterViolationMessages.ReplaceBindingErrors(ModelState, T);
            AddConcurrencyError();
            Stale = true;
            return Page();
        }

        var details = await ValidateAsync(id, cancellationToken);
        if (details is null)
            return Page();

        // The update is conditional on the version the user saw, so a save that slips in between is not overwritten.
        Db.Entry(shelter).Property(s => s.Version).OriginalValue = Form.Version;
        shelter.Update(details, Time.GetUtcNow());
        if (!await TrySaveAsync(details, id, cancellationToken))
        {
            Stale = !ModelState.IsValid && ModelState.TryGetValue("", out var formLevel) && formLevel.Errors.Count > 0;
            return Page();
        }
        return SavedRedirect();
    }
}
