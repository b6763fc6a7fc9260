using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Data.Workflows;

public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine on the product's database: the definition catalog, the runner, the instance store on the scoped
    /// <see cref="NspDbContext"/> (one transaction per step, together with the domain's changes), the timer sweep and the sweep of timer start events.
    /// The host supplies the names definitions may use and the instance variable that names a task's organisation;
    /// the web app and the benchmark compose the engine the same way.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(
        this IServiceCollection services,
        WorkflowEngineOptions options,
        Func<IServiceProvider, ValidationContext> validationContext)
    {
        services.AddSingleton(new DefinitionChecker());
        services.AddScoped<IDefinitionStore, EfDefinitionStore>();
        services.AddScoped(sp => new DefinitionCatalog(
            sp.GetRequiredService<IDefinitionStore>(),
            validationContext(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DefinitionChecker>()));

        services.AddSingleton(_ => new ProcessDefinitionCache());
        services.AddSingleton(_ => new ExpressionEvaluator(calendar: options.CalendarTimeZone));
        services.AddSingleton<IIdGenerator>(sp => new GuidIdGenerator(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(options);
        // Scoped: handlers may use the scoped database context, so their changes commit with the step.
        services.AddScoped(sp => new WorkflowRunner(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IIdGenerator>(),
            sp.GetServices<IServiceTaskHandler>(),
            sp.GetRequiredService<ExpressionEvaluator>()));
        services.AddSingleton<InstanceQueries>();
        services.AddSingleton<DefinitionQueries>();
        services.AddSingleton<StepTables>();
        services.AddScoped<IInstanceStore, EfInstanceStore>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<TimerSweeper>();
        services.AddScoped<ScheduledStartSweeper>();
        // A host or a test may register its own lease (the last registration wins).
        services.TryAddSingleton(new TimerSweepOptions());
        return services;
    }
}
