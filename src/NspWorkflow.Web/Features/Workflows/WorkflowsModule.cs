using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>Workflows: the engine on the product's database, the definitions and their API, incidents, the timer sweep.</summary>
public static class WorkflowsModule
{
    /// <summary>
    /// The definition catalog on the product's database, the first-start import, and the engine: instances on the same
    /// scoped database context as the domain (one transaction per step), the timer sweep, and the incident list.
    /// <paramref name="engine"/> says which variables name a step's organisation and business key; the names definitions
    /// may use come from the registered <see cref="IWorkflowVocabulary"/>.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment,
        WorkflowEngineOptions engine)
    {
        services.AddSingleton(WorkflowOptions.FromConfiguration(configuration, environment));
        services.AddWorkflowEngine(engine, sp => sp.GetRequiredService<IWorkflowVocabulary>().ToValidationContext());
        services.AddScoped<IStartupSeeder, WorkflowDefinitionsSeeder>();
        services.AddScoped<WorkflowTimerJob>();
        services.AddScoped<WorkflowIncidentQueries>();
        services.AddScoped<IncidentRetry>();
        services.AddScoped<WorkflowDefinitionEdits>();
        services.AddScoped<InstanceView>();
        services.AddScoped<WorkflowVersionHistory>();
        services.AddSingleton<IRecurringJobDefinition, WorkflowTimerRecurringJob>();
        return services;
    }

    public static RouteGroupBuilder MapWorkflows(this RouteGroupBuilder api) =>
        api.MapWorkflowDefinitionEndpoints().MapWorkflowIncidentEndpoints();
}
