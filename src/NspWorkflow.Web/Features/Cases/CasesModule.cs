using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Cases.Pages.Application;
using NspWorkflow.Web.Features.Cases.Timeline;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>Cases: the case file, its workspace, the case API and pages (<c>/cases</c>).</summary>
public static class CasesModule
{
    /// <summary>
    /// The encrypted case file and receipts, the workspace shared by the API and the workflow's service tasks and stored in
    /// each step's transaction, cases as the subjects of tasks, and the workflow administration's audit entries and links.
    /// </summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseFileProtector>();
        services.AddScoped<CaseStore>();
        services.AddSingleton<ReceiptStore>();
        services.AddScoped<CaseWorkspace>();
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseApplications>();
        services.AddScoped<CaseActions>();
        services.AddScoped<CaseComments>();
        services.AddScoped<CaseTimeline>();
        services.AddSingleton(sp => new CountryNames(sp.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        services.AddScoped<ApplicationDrafts>();
        services.AddScoped<IStartupSeeder, CaseCommitmentsBackfill>();
        services.AddScoped<IStepEffectHandler>(sp => sp.GetRequiredService<CaseWorkspace>());
        services.AddScoped<ITaskSubjects, CaseTaskSubjects>();
        services.AddScoped<IWorkflowAudit, CaseWorkflowAudit>();
        services.AddSingleton<IWorkflowSubjectLinks, CaseWorkflowLinks>();
        return services;
    }

    /// <summary>A request that reaches an erased case answers 410 Gone (<see cref="ErasedCaseMiddleware"/>).</summary>
    public static IApplicationBuilder UseErasedCases(this IApplicationBuilder app) => app.UseMiddleware<ErasedCaseMiddleware>();

    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api) => api.MapCaseEndpoints().MapReceiptEndpoints().MapTimelineEndpoints();
}
