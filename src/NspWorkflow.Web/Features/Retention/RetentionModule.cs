using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Retention;

/// <summary>
/// Retention (gallring): closed cases' personal data erased after <c>Program:RetentionYears</c> by a daily job, and the
/// administrator's page of what is erased next (<c>/retention</c>).
/// </summary>
public static class RetentionModule
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RetentionOptions.FromConfiguration(configuration));
        services.AddScoped<CaseErasure>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<RetentionOverview>();
        services.AddSingleton<IRecurringJobDefinition, RetentionRecurringJob>();
        return services;
    }
}
