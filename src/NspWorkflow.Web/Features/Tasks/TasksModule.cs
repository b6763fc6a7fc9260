using NspWorkflow.Web.Features.Tasks.Api;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Tasks;

/// <summary>Tasks: the people's work items of the workflows, their completion, the lists and inbox, and the coordinator's digest.</summary>
public static class TasksModule
{
    public static IServiceCollection AddTasks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TaskFormRegistry>();
        services.AddScoped<TaskSubjectKinds>();
        services.AddScoped<TaskQueries>();
        services.AddScoped<TaskCompleter>();
        services.AddSingleton(CoordinatorDigestOptions.FromConfiguration(configuration));
        services.AddScoped<CoordinatorDigestJob>();
        services.AddSingleton<IRecurringJobDefinition, CoordinatorDigestRecurringJob>();
        return services;
    }

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api) => api.MapTaskEndpoints();
}
