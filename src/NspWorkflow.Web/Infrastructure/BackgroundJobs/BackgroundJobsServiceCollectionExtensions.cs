using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using NspWorkflow.Data;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Infrastructure.BackgroundJobs;

public static class BackgroundJobsServiceCollectionExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire runs timers, invoicing, deadlines and mail. Its storage follows the database: in memory on the
    /// embedded default (durable work lives in our own tables), shared SQL storage in production so several
    /// app nodes divide the work.
    /// </summary>
    public static IServiceCollection AddNspBackgroundJobs(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(
                        storage => storage.UseNpgsqlConnection(database.ConnectionString),
                        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.FromSeconds(5),
                    });
                    break;
                default:
                    config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid });
                    break;
            }
        });
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount));
            options.SchedulePollingInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:PollSeconds", 15));
        });
        services.AddHostedService<RecurringJobsRegistration>();
        services.AddHealthChecks().AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapNspBackgroundJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Roles.Admin, DashboardPath, new DashboardOptions
        {
            // Authorization is the endpoint policy above; the default filter would admit only local requests.
            Authorization = [],
            AppPath = "/admin",
            DashboardTitle = "NSP Workflow – bakgrundsjobb",
            DisplayStorageConnectionString = false,
        });
        return endpoints;
    }
}
