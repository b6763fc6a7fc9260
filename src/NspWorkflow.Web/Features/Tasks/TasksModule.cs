using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using NspWorkflow.Web.Features.Tasks.Api;
using NspWorkflow.Web.Features.Tasks.Assignments;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Database;

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
        services.AddScoped<CoordinatorDirectory>();
        services.AddScoped<TaskAssignments>();
        services.AddScoped<StandIns>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CoordinatorSignInRecorder>();
        services.AddSingleton(CoordinatorDigestOptions.FromConfiguration(configuration));
        services.AddScoped<CoordinatorDigestJob>();
        services.AddSingleton<IRecurringJobDefinition, CoordinatorDigestRecurringJob>();
        return services;
    }

    /// <summary>The demo coordinators of the embedded default, known before they sign in (development provider only).</summary>
    public static IServiceCollection AddDemoCoordinators(this IServiceCollection services) =>
        services.AddScoped<IStartupSeeder, DemoCoordinatorSeeder>();

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api) => api.MapTaskEndpoints();
}
