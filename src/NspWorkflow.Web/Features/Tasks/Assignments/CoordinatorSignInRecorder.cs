using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace NspWorkflow.Web.Features.Tasks.Assignments;

/// <summary>
/// Records each coordinator in the <see cref="CoordinatorDirectory"/> when their page session begins, the one moment the
/// app learns of a person. Hooked into the cookie scheme's events, so authentication itself knows nothing of tasks.
/// </summary>
internal sealed class CoordinatorSignInRecorder : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != CookieAuthenticationDefaults.AuthenticationScheme)
            return;
        var signedIn = options.Events.OnSignedIn;
        options.Events.OnSignedIn = async context =>
        {
            await signedIn(context);
            var directory = context.HttpContext.RequestServices.GetRequiredService<CoordinatorDirectory>();
            await directory.RecordSignInAsync(context.Principal!, context.HttpContext.RequestAborted);
        };
    }
}
