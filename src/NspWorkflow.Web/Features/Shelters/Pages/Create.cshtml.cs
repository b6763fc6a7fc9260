using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Shelters.Pages;

/// <summary>/shelters/new: registers a shelter.</summary>
[Authorize(ShelterPolicies.Manage)]
public sealed class CreateModel(NspDbContext db, TimeProvider time, IStringLocalizer<SharedResource> localizer)
    : ShelterFormPageModel(db, time, localizer)
{
    public override bool IsNew => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var details = await ValidateAsync(exceptShelterId: null, cancellationToken);
        if (details is null)
            return Page();

        Db.Shelters.Add(Shelter.Create(Guid.NewGuid(), details, Time.GetUtcNow()));
        if (!await TrySaveAsync(details, exceptShelterId: null, cancellationToken))
            return Page();
        return SavedRedirect();
    }
}
