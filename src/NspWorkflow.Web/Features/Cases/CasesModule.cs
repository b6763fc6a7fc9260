using NspWorkflow.Domain.Periods;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.BackgroundJobs;
using NspWorkflow.Web.Cases.Handlers;

namespace NspWorkflow.Web.Cases;

public static class CaseServiceCollectionExtensions
{
    /// <summary>
    /// Cases: the tariffs (read at start; a broken file stops the start), the encrypted case file, the workspace shared
    /// by the API and the workflow's service tasks and stored in each step's transaction, and the service-task handlers.
    /// </summary>
    public static IServiceCollection AddNspCases(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TariffLoader.Load(configuration, environment));
        services.AddSingleton<CaseFileProtector>();
        services.AddScoped<CaseStore>();
        services.AddSingleton<ReceiptStore>();
        services.AddScoped<CaseWorkspace>();
        services.AddScoped<TaskCompletion>();
        services.AddScoped<CaseReader>();
        services.AddScoped<IStepEffectHandler>(sp => sp.GetRequiredService<CaseWorkspace>());

        services.AddSingleton(CoordinatorDigestOptions.FromConfiguration(configuration));
        services.AddScoped<CoordinatorDigestJob>();
        services.AddSingleton<IRecurringJobDefinition, CoordinatorDigestRecurringJob>();

        services.AddScoped<IServiceTaskHandler, AdmitCaseHandler>();
        services.AddScoped<IServiceTaskHandler, RejectCaseHandler>();
        services.AddScoped<IServiceTaskHandler, RecordDecisionHandler>();
        services.AddScoped<IServiceTaskHandler, RecordPoliceReportHandler>();
        services.AddScoped<IServiceTaskHandler, CloseCaseHandler>();
        foreach (var kind in Enum.GetValues<PeriodKind>())
            services.AddScoped<IServiceTaskHandler>(sp => ActivatorUtilities.CreateInstance<StartPeriodHandler>(sp, kind));
        foreach (var approved in new[] { true, false })
            services.AddScoped<IServiceTaskHandler>(sp => ActivatorUtilities.CreateInstance<PointInterventionDecisionHandler>(sp, approved));
        return services;
    }
}
