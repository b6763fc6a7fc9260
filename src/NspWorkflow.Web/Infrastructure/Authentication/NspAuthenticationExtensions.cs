using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Infrastructure.Authentication;

public static class NspAuthenticationExtensions
{
    /// <summary>Pages: cookie session from an OpenID Connect code flow with PKCE. API: bearer tokens from the same provider.</summary>
    public const string PagesOrApiScheme = "PagesOrApi";

    /// <summary>
    /// Sign-in always runs on the real clock: token lifetimes are checked by the token libraries against real
    /// time, whereas the program's own <see cref="TimeProvider"/> may be moved (tests, the development clock).
    /// </summary>
    public static TimeProvider SignInClock => TimeProvider.System;

    public static IServiceCollection AddNspAuthentication(
        this IServiceCollection services, OidcOptions oidc, AppOptions app, IHostEnvironment environment)
    {
        var authority = oidc.UsesDevelopmentProvider ? app.PublicUrl.AbsoluteUri : oidc.Authority!;
        var requireHttps = !environment.IsDevelopment() && authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = PagesOrApiScheme;
                options.DefaultChallengeScheme = PagesOrApiScheme;
            })
            .AddPolicyScheme(PagesOrApiScheme, "Pages or API", options =>
            {
                // The API never redirects to a sign-in page: it answers 401 and takes only bearer tokens,
                // which also keeps it out of reach of cross-site requests riding on the cookie.
                options.ForwardDefaultSelector = context => IsApiRequest(context.Request)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme;
                options.ForwardChallenge = null;
            })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.TimeProvider = SignInClock;
                options.Cookie.Name = "nsp.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/access-denied";
                options.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.TimeProvider = SignInClock;
                options.Authority = authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back on a top-level GET, so Lax cookies carry the correlation on plain http too.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.RequireHttpsMetadata = requireHttps;
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Scope.Add("roles");
                options.TokenValidationParameters.NameClaimType = NspClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = NspClaimTypes.Role;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is: always in production (HTTPS), and still usable on the
                // plain-http development address.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SignedOutRedirectUri = "/";
                options.Events.OnRemoteFailure = context =>
                {
                    // A stale or replayed sign-in answer: start again rather than show an exception page.
                    // The failure names protocol parameters (state, nonce, issuer), never the user.
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                        .CreateLogger("NspWorkflow.Web.Infrastructure.Authentication")
                        .LogWarning(context.Failure, "OpenID Connect sign-in failed");
                    context.Response.Redirect("/?signin=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            })
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.TimeProvider = SignInClock;
                options.Authority = authority;
                options.Audience = oidc.ApiAudience;
                options.RequireHttpsMetadata = requireHttps;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = NspClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = NspClaimTypes.Role;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Coordinator, policy => policy.RequireRole(Roles.Coordinator))
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Roles.Shelter, policy => policy.RequireRole(Roles.Shelter).RequireClaim(NspClaimTypes.ShelterId))
            .AddPolicy(Roles.Reader, policy => policy.RequireRole(Roles.Reader))
            .AddPolicy(Roles.CaseWork, policy => policy.RequireRole(Roles.Coordinator, Roles.Admin, Roles.Shelter))
            .AddPolicy(Roles.TaskWork, policy => policy.RequireRole(Roles.Coordinator, Roles.Shelter))
            .AddPolicy(Roles.CaseChange, policy => policy.RequireRole(Roles.Coordinator, Roles.Shelter))
            .AddPolicy(Roles.Office, policy => policy.RequireRole(Roles.Coordinator, Roles.Admin))
            // Everything needs a signed-in user unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return services;
    }

    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
