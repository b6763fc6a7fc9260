using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.BackgroundJobs;
using NspWorkflow.Web.Cases;
using NspWorkflow.Web.Database;
using NspWorkflow.Web.Hosting;

namespace NspWorkflow.Web.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The instance variable whose value is the shelter a task belongs to (stored as the task's organisation).</summary>
    public const string ShelterVariable = CaseVariables.Shelter;

    /// <summary>The instance variable naming the case an instance serves (stored as its tasks' business key).</summary>
    public const string CaseVariable = CaseVariables.Case;

    /// <summary>
    /// The definition catalog on the product's database, the names definitions may use, the first-start import, and the
    /// engine: instances on the same scoped database context as the domain (one transaction per step), the step's outbox
    /// mail (<see cref="WorkflowMailer"/>, in the same transaction), the timer sweep, and the incident list.
    /// </summary>
    public static IServiceCollection AddNspWorkflows(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(WorkflowOptions.FromConfiguration(configuration, environment));
        services.AddSingleton<WorkflowVocabulary>();
        services.AddWorkflowEngine(
            new WorkflowEngineOptions(OrganisationVariable: ShelterVariable, BusinessKeyVariable: CaseVariable,
                CalendarTimeZone: SwedishCalendar.TimeZone),
            sp => sp.GetRequiredService<WorkflowVocabulary>().ToValidationContext());
        services.AddScoped<IStepEffectHandler, WorkflowMailer>();
        services.AddScoped<IStartupSeeder, WorkflowDefinitionsSeeder>();
        services.AddScoped<WorkflowTimerJob>();
        services.AddScoped<WorkflowIncidentQueries>();
        services.AddScoped<IncidentRetry>();
        services.AddSingleton<IRecurringJobDefinition, WorkflowTimerRecurringJob>();
        return services;
    }
}
