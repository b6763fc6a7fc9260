using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.BackgroundJobs;
using NspWorkflow.Web.Database;

namespace NspWorkflow.Web.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The instance variable whose value is the shelter a task belongs to (stored as the task's organisation).</summary>
    public const string ShelterVariable = "shelterId";

    /// <summary>
    /// The definition catalog on the product's database, the names definitions may use, the first-start import, and the
    /// engine: instances on the same scoped database context as the domain (one transaction per step), and the timer sweep.
    /// </summary>
    public static IServiceCollection AddNspWorkflows(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(WorkflowOptions.FromConfiguration(configuration, environment));
        services.AddSingleton<WorkflowVocabulary>();
        services.AddSingleton(new DefinitionChecker());
        services.AddScoped<IDefinitionStore, EfDefinitionStore>();
        services.AddScoped(sp => new DefinitionCatalog(
            sp.GetRequiredService<IDefinitionStore>(),
            sp.GetRequiredService<WorkflowVocabulary>().ToValidationContext(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DefinitionChecker>()));
        services.AddScoped<IStartupSeeder, WorkflowDefinitionsSeeder>();

        services.AddSingleton(_ => new ProcessDefinitionCache());
        services.AddSingleton(_ => new ExpressionEvaluator());
        services.AddSingleton<IIdGenerator>(sp => new GuidIdGenerator(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new WorkflowEngineOptions(OrganisationVariable: ShelterVariable));
        // Scoped: handlers (none yet) may use the scoped database context, so their changes commit with the step.
        services.AddScoped(sp => new WorkflowRunner(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IIdGenerator>(),
            sp.GetServices<IServiceTaskHandler>(),
            sp.GetRequiredService<ExpressionEvaluator>()));
        services.AddScoped<IInstanceStore, EfInstanceStore>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<TimerSweeper>();
        services.AddScoped<WorkflowTimerJob>();
        services.AddSingleton<IRecurringJobDefinition, WorkflowTimerRecurringJob>();
        return services;
    }
}
