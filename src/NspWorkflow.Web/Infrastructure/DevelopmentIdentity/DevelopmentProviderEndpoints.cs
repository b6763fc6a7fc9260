using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using NspWorkflow.Web.Infrastructure.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NspWorkflow.Web.Infrastructure.DevelopmentIdentity;

/// <summary>The development provider's authorize, token and end-session endpoints (OpenIddict passthrough).</summary>
public static class DevelopmentProviderEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentProvider(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.MapGroup("/connect").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        connect.MapMethods("/authorize", ["GET", "POST"], (Delegate)AuthorizeAsync);
        connect.MapPost("/token", TokenAsync);
        connect.MapMethods("/endsession", ["GET", "POST"], (Delegate)EndSessionAsync);
        return endpoints;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, DevelopmentProviderSettings settings)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var signedIn = await context.AuthenticateAsync(DevelopmentProviderServiceCollectionExtensions.SignInScheme);
        var user = DemoDirectory.FindUser(signedIn.Principal?.FindFirstValue(Claims.Subject));
        if (!signedIn.Succeeded || user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString },
                [DevelopmentProviderServiceCollectionExtensions.SignInScheme]);
        }

        var identity = NewIdentity(user.Id, user.Name, user.Role, user.ShelterId, settings.ApiAudience);
        identity.SetScopes(request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, DevelopmentProviderSettings settings)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict has checked the code, the PKCE verifier and the client; the principal is the one signed in above.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is null)
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            return Results.SignIn(result.Principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            // The client's secret is already validated; the client itself is the subject.
            var client = DemoDirectory.FindClient(request.ClientId);
            if (client is null)
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var identity = NewIdentity(client.ClientId, client.ClientId, client.Role, client.ShelterId, settings.ApiAudience);
            identity.SetScopes(request.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnsupportedGrantType,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(DevelopmentProviderServiceCollectionExtensions.SignInScheme);
        // OpenIddict validates post_logout_redirect_uri against the client's registration before redirecting.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static ClaimsIdentity NewIdentity(string subject, string name, string role, Guid? shelterId, string audience)
    {
        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaims(Claims.Role, [role]);
        if (shelterId is { } id)
            identity.SetClaim(NspClaimTypes.ShelterId, id.ToString());
        identity.SetResources(audience);
        // Both tokens carry the claims: the id token signs the user in, the access token authorizes the API.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return identity;
    }
}
