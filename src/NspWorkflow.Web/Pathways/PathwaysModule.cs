using NspWorkflow.Domain.Periods;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Cases.Timeline;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Pathways.Forms;
using NspWorkflow.Web.Pathways.Handlers;

namespace NspWorkflow.Web.Pathways;

/// <summary>
/// The NSP pathways' glue between the workflows and the features: the service-task handlers, the task forms, the
/// pathway mail, the case API's workflows, and the vocabulary definitions are validated against (derived from the
/// handlers and forms registered here). A new approval form is one class registered here and one view.
/// </summary>
public static class PathwaysModule
{
    public static IServiceCollection AddPathways(this IServiceCollection services)
    {
        services.AddSingleton<IWorkflowVocabulary>(WorkflowVocabulary.FromServices);
        services.AddScoped<IStepEffectHandler, PathwayMailer>();
        services.AddScoped<ICaseWorkflows, CaseWorkflows>();
        services.AddSingleton<ICaseTimelineVocabulary, CaseTimelineVocabulary>();
        services.AddPathwayForms();

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

    /// <summary>The task forms of the case pathways (they need the tariffs).</summary>
    public static IServiceCollection AddPathwayForms(this IServiceCollection services)
    {
        services.AddSingleton<ApprovalBudgetCheck>();
        services.AddSingleton<ITaskForm, AdmissionReviewForm>();
        services.AddSingleton<ITaskForm, AdmissionCompletionForm>();
        services.AddSingleton<ITaskForm, NextStepForm>();
        services.AddSingleton<ITaskForm, ExtendedReviewForm>();
        services.AddSingleton<ITaskForm, IntegrationReviewForm>();
        services.AddSingleton<ITaskForm, ExitReportForm>();
        services.AddSingleton<ITaskForm, PointInterventionReviewForm>();
        services.AddSingleton<ITaskForm, MmmNotedForm>();
        services.AddSingleton<ITaskForm, SupplementReviewForm>();
        services.AddSingleton<ITaskForm, InvoiceAttestationForm>();
        services.AddSingleton<ITaskForm, CertificationQuestionnaireForm>();
        services.AddSingleton<ITaskForm, CertificationReviewForm>();
        services.AddSingleton<ITaskForm, CertificationVisitForm>();
        services.AddSingleton<ITaskForm, CertificationGrantForm>();
        services.AddSingleton<ITaskForm, RoutineCheckReportForm>();
        services.AddSingleton<ITaskForm, RoutineCheckForm>();
        return services;
    }
}
