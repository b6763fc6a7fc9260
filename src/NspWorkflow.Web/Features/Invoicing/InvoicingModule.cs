using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// Invoicing: each month's invoice basis per shelter (built by a Hangfire job on the first of the month), the shelter's
/// invoice for it, and the coordinator's attestation in the inbox (<c>workflows/nsp-invoice.bpmn</c>).
/// </summary>
public static class InvoicingModule
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services)
    {
        services.AddScoped<InvoiceBasisJob>();
        services.AddScoped<InvoiceMail>();
        services.AddScoped<InvoiceBases>();
        services.AddScoped<InvoiceExports>();
        services.AddSingleton<InvoiceLineTexts>();
        services.AddScoped<ITaskSubjects, InvoiceTaskSubjects>();
        services.AddSingleton<IRecurringJobDefinition, InvoiceBasisRecurringJob>();
        return services;
    }
}
