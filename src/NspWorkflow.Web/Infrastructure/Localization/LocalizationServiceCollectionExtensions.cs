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
            // Swedish first for everyone; English only when the user picks it (a cookie), never guessed from the browser.
            options.DefaultRequestCulture = new RequestCulture(Swedish);
            options.SupportedCultures = [Swedish, English];
            options.SupportedUICultures = [Swedish, English];
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
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
}
