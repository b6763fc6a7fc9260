using Microsoft.EntityFrameworkCore;

namespace NspWorkflow.Data.SqlServer;

/// <summary>Points the product's context at SqlServer, with this assembly's migrations.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name).EnableRetryOnFailure());
}
