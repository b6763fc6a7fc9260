using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>Mail: the outbox every mail goes through, its sender and transport, and the administrator's pages (<c>/admin/mail</c>).</summary>
public static class MailModule
{
    /// <summary>The outbox, its sender and recurring sweep, and the transport <c>Mail:*</c> asks for.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration, AppOptions app)
    {
        var options = MailOptions.FromConfiguration(configuration, app);
        services.AddSingleton(options);
        services.AddSingleton<MailMessageBuilder>();
        if (options.UsesSmtp)
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        else
            services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<OutboxMailSender>();
        services.AddSingleton<IMailKick, OutboxMailTrigger>();
        services.AddSingleton<IRecurringJobDefinition, MailOutboxRecurringJob>();
        return services;
    }
}
