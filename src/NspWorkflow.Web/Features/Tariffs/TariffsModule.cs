using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>Tariffs: the effective-dated rates, caps and limits every amount is computed from, kept in the database.</summary>
public static class TariffsModule
{
    /// <summary>
    /// The tariffs are read from the database at start (an empty table is seeded from the tariff files, and a broken file
    /// stops the start); each request and job then uses the schedule current when it began.
    /// </summary>
    public static IServiceCollection AddTariffs(this IServiceCollection services)
    {
        services.AddSingleton<TariffCatalog>();
        services.AddScoped(sp => sp.GetRequiredService<TariffCatalog>().Current);
        services.AddScoped<TariffEdits>();
        services.AddScoped<IReferenceDataSeeder, TariffSeeder>();
        services.AddHostedService<TariffRefreshService>();
        return services;
    }
}
