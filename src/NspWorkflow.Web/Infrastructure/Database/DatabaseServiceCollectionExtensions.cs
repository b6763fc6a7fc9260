using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.PostgreSql;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.SqlServer;

namespace NspWorkflow.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddNspDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        // Pooled: a context is built once and reset between requests, which a workflow step would otherwise pay each time.
        services.AddDbContextPool<NspDbContext>(builder => Configure(builder, options));
        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddDbContextCheck<NspDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        options.Provider switch
        {
            DatabaseProvider.Sqlite => SqliteDatabase.Configure(builder, options.ConnectionString),
            DatabaseProvider.PostgreSql => PostgreSqlDatabase.Configure(builder, options.ConnectionString),
            DatabaseProvider.SqlServer => SqlServerDatabase.Configure(builder, options.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };
}
