using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>Tariffs: the effective-dated rates, caps and limits every amount is computed from.</summary>
public static class TariffsModule
{
    /// <summary>The tariffs, read at start; a broken file stops the start.</summary>
    public static IServiceCollection AddTariffs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddSingleton(TariffLoader.Load(configuration, environment, new MessageTable()));
}
