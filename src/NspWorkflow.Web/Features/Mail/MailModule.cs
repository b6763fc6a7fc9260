using NspWorkflow.Web.BackgroundJobs;
using NspWorkflow.Web.Hosting;

namespace NspWorkflow.Web.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The outbox, its sender and recurring sweep, and the transport <c>Mail:*</c> asks for.</summary>
    public static IServiceCollection AddNspMail(this IServiceCollection services, IConfiguration configuration, AppOptions app)
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
