using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// Certification: the questionnaire, the visit with its action plan and the grant (<c>workflows/nsp-certification.bpmn</c>),
/// the yearly routine check (<c>workflows/nsp-routine-check.bpmn</c>), the requirement lists by year, the pages
/// (<c>/certification</c>), and the daily job that reminds of deadlines and lets a certification lapse.
/// </summary>
public static class CertificationModule
{
    public static IServiceCollection AddCertification(this IServiceCollection services)
    {
        services.AddScoped<RequirementCatalogs>();
        services.AddScoped<Certifications>();
        services.AddScoped<CertificationActions>();
        services.AddScoped<CertificationInvitations>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<CertificationOverview>();
        services.AddScoped<ITaskSubjects, CertificationTaskSubjects>();
        services.AddScoped<RoutineChecks>();
        services.AddScoped<ITaskSubjects, RoutineCheckTaskSubjects>();
        services.AddScoped<CertificationDeadlineQuery>();
        services.AddScoped<IPassedDeadlines>(sp => sp.GetRequiredService<CertificationDeadlineQuery>());
        services.AddScoped<CertificationDeadlineMail>();
        services.AddScoped<CertificationDeadlineJob>();
        services.AddSingleton<IRecurringJobDefinition, CertificationDeadlineRecurringJob>();
        return services;
    }
}
