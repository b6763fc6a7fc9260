using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Infrastructure.Authentication;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        // GET /account/sign-in starts the OpenID Connect flow and comes back to a local page.
        endpoints.MapGet("/account/sign-in", (string? returnUrl) =>
            Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalUrl.IsLocal(returnUrl) ? returnUrl : "/" },
                [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();

        // POST with an antiforgery token, so no other site can sign a user out. The endpoint binds no form
        // field, so the token is checked here rather than by the endpoint filter.
        endpoints.MapPost("/account/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest();
            return Results.SignOut(
                new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).DisableAntiforgery();
        return endpoints;
    }
}
