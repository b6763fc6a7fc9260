using System.Globalization;
using Microsoft.AspNetCore.Localization;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Infrastructure.Localization;

public static class LocalizationServiceCollectionExtensions
{
    public static readonly CultureInfo Swedish = new("sv-SE");
    public static readonly CultureInfo English = new("en-GB");

    public static IServiceCollection AddNspLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Swedish first for everyone; on the pages English only when the user picks it (a cookie), never guessed from
            // the browser. An integration has no cookie: the API answers in English when its request asks (Accept-Language).
            options.DefaultRequestCulture = new RequestCulture(Swedish);
            // A client may ask for the language alone ("en"), the cookie names the region too ("en-GB").
            options.SupportedCultures = [Swedish, English, Swedish.Parent, English.Parent];
            options.SupportedUICultures = [Swedish, English, Swedish.Parent, English.Parent];
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider()];
        });
        services.AddSingleton<MessageTable>();
        services.AddScoped<RuleViolationTexts>();
        return services;
    }

    /// <summary>POST /culture: remembers the chosen language for a year and returns to the page.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/culture", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Swedish;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The Accept-Language header, for API requests only.</summary>
    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api")
                ? base.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
    }
}
