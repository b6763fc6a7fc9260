using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Infrastructure.DevelopmentIdentity.Pages;

/// <summary>The development provider's sign-in page: pick a demo user. Exists only when that provider runs.</summary>
[AllowAnonymous]
public sealed class SignInModel(DevelopmentProviderSettings? provider = null) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => provider is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string userId)
    {
        if (provider is null)
            return NotFound();
        var user = DemoDirectory.FindUser(userId);
        if (user is null)
            return BadRequest();

        var identity = new ClaimsIdentity(DevelopmentProviderServiceCollectionExtensions.SignInScheme, "name", "role");
        identity.AddClaim(new Claim("sub", user.Id));
        identity.AddClaim(new Claim("name", user.Name));
        await HttpContext.SignInAsync(DevelopmentProviderServiceCollectionExtensions.SignInScheme, new ClaimsPrincipal(identity));
        // Back to the provider's authorize endpoint, which issues the code to the app.
        return LocalRedirect(LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
    }
}
