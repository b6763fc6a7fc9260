using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Database;

namespace NspWorkflow.Web.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The definition catalog on the product's database, the names definitions may use, and the first-start import.</summary>
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
        return services;
    }
}
