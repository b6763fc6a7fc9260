using NspWorkflow.Web.Hosting;

namespace NspWorkflow.Web.Mail;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddNspMail(this IServiceCollection services, IConfiguration configuration, AppOptions app)
    {
        return services;
    }
}
