using NspWorkflow.Web.Features.Tasks.Subjects;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// Certification: the questionnaire, the visit with its action plan and the grant (<c>workflows/nsp-certification.bpmn</c>),
/// the requirement lists by year, and the pages (<c>/certification</c>).
/// </summary>
public static class CertificationModule
{
    public static IServiceCollection AddCertification(this IServiceCollection services)
    {
        services.AddScoped<RequirementCatalogs>();
        services.AddScoped<Certifications>();
        services.AddScoped<CertificationActions>();
        services.AddScoped<CertificationOverview>();
        services.AddScoped<ITaskSubjects, CertificationTaskSubjects>();
        services.AddScoped<RoutineChecks>();
        services.AddScoped<ITaskSubjects, RoutineCheckTaskSubjects>();
        return services;
    }
}
